package org.nas4j.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb =
                new ProcessBuilder(
                        java.toString(),
                        "-Dai.djl.offline=true",
                        "-DDJL_CACHE_DIR=" + cache,
                        "-DENGINE_CACHE_DIR=" + cache,
                        "-cp",
                        System.getProperty("java.class.path"),
                        EngineOfflineMain.class.getName());
        Map<String, String> env = pb.environment();
        // Environment variables win over system properties in DJL: keep the child's choice ours.
        for (String name :
                List.of(
                        "DJL_CACHE_DIR",
                        "ENGINE_CACHE_DIR",
                        "DJL_OFFLINE",
                        "PYTORCH_LIBRARY_PATH",
                        "PYTORCH_VERSION",
                        "PYTORCH_FLAVOR")) {
            env.remove(name);
        }
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("engine=PyTorch 2.7.1"), output);
        assertTrue(output.contains("conv_shape=(1, 1, 2, 2) conv_sum=36.0"), output);
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
