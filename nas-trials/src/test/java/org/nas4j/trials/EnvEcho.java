package org.nas4j.trials;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A trial's stand-in main class for engine tests: writes the {@code CUDA_VISIBLE_DEVICES} it was
 * started with and the time it ran to {@code gpus.txt} in its {@code --exp-dir}, then exits 0.
 */
public final class EnvEcho {
    private EnvEcho() {}

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        Path dir = Path.of(a.get(a.indexOf("--exp-dir") + 1));
        long start = System.currentTimeMillis();
        Thread.sleep(700);
        String gpus = System.getenv(GpuSlots.VISIBLE);
        Files.writeString(
                dir.resolve("gpus.txt"),
                (gpus == null ? "<unset>" : gpus) + " " + start + " " + System.currentTimeMillis(),
                StandardCharsets.UTF_8);
    }
}
