package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run prints what it does, not what its libraries log: no DJL CUDA warning, native-extraction or
 * engine lines unless {@code --debug}, and the device stated once. A fresh JVM, as a user's first
 * run is: logging is configured once per JVM.
 */
class QuietConsoleTest {
    private static String run(Path tmp, String name, List<String> extra) throws Exception {
        Path log = tmp.resolve(name + ".log");
        List<String> args =
                E2e.args(
                        extra,
                        "eval",
                        "--algo",
                        "darts",
                        "--dataset",
                        "synthetic",
                        "--genotype",
                        "DARTS_V2",
                        "--exp-dir",
                        tmp.resolve(name),
                        E2e.TINY_EVAL,
                        "--nas.eval.loader.max_batches",
                        "1");
        Process p = E2e.childNas(args, log).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "nas did not finish");
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void aRunPrintsNoLibraryNoiseAndNamesTheDeviceOnce(@TempDir Path tmp) throws Exception {
        String out = run(tmp, "quiet", List.of());
        assertFalse(out.contains("ai.djl") || out.contains("CudaUtils"), out);
        assertFalse(out.contains("PtEngine") || out.contains("Found matching platform"), out);
        assertFalse(out.contains(" INFO "), out);
        assertEquals(1, out.split("device: cpu", -1).length - 1, out);
        assertTrue(out.contains("test accuracy: top-1"), out);
    }

    @Test
    void debugShowsTheLibraryLines(@TempDir Path tmp) throws Exception {
        String out = run(tmp, "debug", List.of("--debug"));
        assertTrue(out.contains("PtEngine"), out);
    }
}
