package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two searches one after the other in one JVM, on different threads (a Java user's application, or
 * a test): the second trained on a thread whose libtorch grad mode was still on and failed with "a
 * leaf Variable that requires grad is being used in an in-place operation".
 */
class TwoSearchesInOneJvmTest {
    private static E2e.Run search(Path exp) {
        return E2e.nas(E2e.syntheticSearch("search", "darts", exp));
    }

    @Test
    void aSecondSearchInTheSameJvmOnAnotherThreadTrains(@TempDir Path tmp) throws Exception {
        E2e.Run first = search(tmp.resolve("a"));
        assertEquals(0, first.exit(), first.both());
        E2e.Run[] second = new E2e.Run[1];
        Thread t = new Thread(() -> second[0] = search(tmp.resolve("b")));
        t.start();
        t.join();
        assertEquals(0, second[0].exit(), second[0].both());
    }
}
