package org.nas4j.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PyTorch engine starts with nothing from the network: natives come from the jars on the class
 * path and are unpacked into the cache directory we name.
 */
class EngineOfflineTest {

    @Test
    void engineStartsOfflineFromJarsIntoAFreshCacheDir(@TempDir Path cache) throws Exception {
        ChildJvm.Result r =
                ChildJvm.run(
                        EngineOfflineMain.class,
                        List.of(
                                "-Dai.djl.offline=true",
                                "-DDJL_CACHE_DIR=" + cache,
                                "-DENGINE_CACHE_DIR=" + cache),
                        List.of(),
                        120);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("engine=PyTorch 2.7.1"), r.output());
        assertTrue(r.output().contains("conv_shape=(1, 1, 2, 2) conv_sum=36.0"), r.output());
        // DJL names the JNI library <djl version>-libdjl_torch.so
        String listing = listing(cache);
        assertTrue(listing.contains("libtorch_cpu.so"), "no libtorch_cpu.so in " + listing);
        assertTrue(listing.contains("libdjl_torch.so"), "no libdjl_torch.so in " + listing);
    }

    private static String listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return String.join("\n", files.map(f -> dir.relativize(f).toString()).toList());
        }
    }
}
