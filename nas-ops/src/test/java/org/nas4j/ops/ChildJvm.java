package org.nas4j.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test class path in a fresh JVM, for tests that need a clean process. */
public final class ChildJvm {
    /** Environment variables that would override the child's DJL system properties. */
    private static final List<String> DJL_ENV =
            List.of(
                    "DJL_CACHE_DIR",
                    "ENGINE_CACHE_DIR",
                    "DJL_OFFLINE",
                    "PYTORCH_LIBRARY_PATH",
                    "PYTORCH_VERSION",
                    "PYTORCH_FLAVOR");

    /**
     * The child's exit status and its stdout and stderr, merged.
     *
     * @param exitCode exit status
     * @param output everything it printed
     */
    public record Result(int exitCode, String output) {}

    private ChildJvm() {}

    /**
     * Runs {@code main} with {@code jvmArgs} and {@code args}, waiting at most {@code
     * timeoutSeconds}.
     */
    public static Result run(
            Class<?> main, List<String> jvmArgs, List<String> args, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        DJL_ENV.forEach(env::remove);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(
                    main.getSimpleName() + " did not finish within " + timeoutSeconds + " s.");
        }
        return new Result(p.exitValue(), output);
    }
}
