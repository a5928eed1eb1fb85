package org.nas4j.train.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.NasException;

/** Dataset files that would fill memory are refused naming the file and the size. */
class IdxReaderLimitsTest {
    private static final int SIDE = 4;

    @TempDir Path dir;

    private DatasetSpec spec() {
        return TestData.spec("mnist", "idx", dir, 1, SIDE, 10);
    }

    private String refusal(Path file) {
        return assertThrows(NasException.class, () -> IdxReader.readImages(file, spec()))
                .getMessage();
    }

    @Test
    void aGzipStreamLongerThanItsHeaderSaysStopsOneBytePastTheClaim() throws IOException {
        // a bomb: the header claims 5 images, the stream inflates to 100,000 of them
        int real = 100_000;
        byte[] images =
                TestData.idxImages(
                        IdxReader.IMAGES_MAGIC, 5, SIDE, SIDE, new byte[real * SIDE * SIDE]);
        Path f = TestData.write(dir.resolve("bomb-idx3-ubyte.gz"), TestData.gzip(images));
        String msg = refusal(f);
        assertTrue(msg.contains("more than " + (16 + 5 * SIDE * SIDE) + " bytes"), msg);
        assertTrue(msg.contains(f.toString()), msg);
    }

    @Test
    void aHeaderClaimingMoreThanNas4jReadsIsRefusedBeforeReading() throws IOException {
        byte[] header =
                TestData.idxImages(IdxReader.IMAGES_MAGIC, Integer.MAX_VALUE, 28, 28, new byte[0]);
        Path f = TestData.write(dir.resolve("claims-idx3-ubyte"), header);
        String msg = refusal(f);
        assertTrue(msg.contains("says in its header"), msg);
        assertTrue(msg.contains("1 GiB"), msg);
    }

    @Test
    void aDirectoryOrDeviceIsNotADatasetFile() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("images-idx3-ubyte"));
        assertTrue(refusal(sub).contains("not a regular file"));
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            assertTrue(refusal(zero).contains("/dev/zero"));
        }
    }
}
