package org.nas4j.trials;

import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.io.Json;

/**
 * Starts a trial as its own JVM running the {@code nas} command line and waits for it. One process
 * per trial: DJL allows one gradient collector per JVM, and a process isolates native memory and
 * crashes. The process's output goes to {@code trial.log} in the trial's directory (appended, one
 * block per attempt). A trial started again resumes from its own checkpoint (the command line's
 * resume), and a finished one returns at once.
 *
 * @param javaCommand the {@code java} executable
 * @param jvmOptions options before the class path (heap, {@code -Dai.djl.offline=true}, ...)
 * @param classPath the class path holding nas4j's command line and every algorithm to run
 * @param mainClass the command line's main class
 */
public record TrialProcess(
        String javaCommand, List<String> jvmOptions, String classPath, String mainClass)
        implements Serializable {
    /** The command line's main class. */
    public static final String NAS_MAIN = "org.nas4j.cli.NasCli";

    /** The trial's output, in its directory. */
    public static final String LOG = "trial.log";

    /** The pid of the trial's running process, in its directory (removed when it ends). */
    public static final String PID = "trial.pid";

    /**
     * Environment variable holding the pid of the process that started a trial; the trial's command
     * line exits when that process is gone (an executor killed with its task), so an orphaned trial
     * never holds its directory against the retry.
     */
    public static final String PARENT_PID_ENV = "NAS_TRIAL_PARENT_PID";

    /** Exit codes of failures a retry cannot fix: a NasException (1) and a usage error (2). */
    static boolean permanent(int exitCode) {
        return exitCode == 1 || exitCode == 2;
    }

    /**
     * A launcher with this JVM's java, class path and DJL/heap settings (the {@code ai.djl.*} and
     * {@code org.slf4j.*} system properties are passed on, and this JVM's young-generation cap,
     * {@code -XX:MaxNewSize}, which {@code ./nas} sets to keep a long run's heap small).
     */
    public static TrialProcess ofThisJvm(String heap) {
        List<String> opts = new ArrayList<>();
        opts.add("-Xmx" + heap);
        String young = null;
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-XX:MaxNewSize=")) {
                young = arg; // the last one wins, as in the JVM
            }
        }
        if (young != null) {
            opts.add(young);
        }
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("ai.djl.") && !key.equals("ai.djl.pytorch.num_threads")) {
                opts.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        return new TrialProcess(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                opts,
                cp,
                NAS_MAIN);
    }

    /**
     * A launcher for trials that run on other machines (Spark executors of a cluster): {@code java}
     * and the class path are found where the trial runs, the class path being the jar that holds
     * the main class (the cluster jar {@code spark-submit} shipped) and the executor's own.
     */
    public static TrialProcess portable(String heap) {
        TrialProcess local = ofThisJvm(heap);
        return new TrialProcess("", local.jvmOptions(), "", NAS_MAIN);
    }

    /** The process of one attempt of {@code trial}, not yet started. */
    public ProcessBuilder builder(Trial trial) {
        return builder(trial, null);
    }

    /**
     * The process of one attempt of {@code trial}, not yet started, seeing only the GPUs {@code
     * gpus} names ({@code CUDA_VISIBLE_DEVICES}; "" for none, null to inherit this process's).
     */
    public ProcessBuilder builder(Trial trial, String gpus) {
        List<String> cmd = new ArrayList<>();
        cmd.add(
                javaCommand.isBlank()
                        ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
                        : javaCommand);
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath.isBlank() ? classPathHere(mainClass) : classPath);
        cmd.add(mainClass);
        cmd.addAll(trial.args());
        Path dir = Path.of(trial.expDir());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put(PARENT_PID_ENV, String.valueOf(ProcessHandle.current().pid()));
        if (gpus != null) {
            pb.environment().put(GpuSlots.VISIBLE, gpus);
        }
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(LOG).toFile()));
        return pb;
    }

    /**
     * Runs one attempt of {@code trial} to its end.
     *
     * @param attempt the attempt's number, from 1, for the result and the log
     */
    public TrialResult run(Trial trial, int attempt) {
        return run(trial, attempt, null);
    }

    /**
     * Runs one attempt of {@code trial} to its end on the GPUs {@code gpus} names (see {@link
     * #builder(Trial, String)}).
     */
    public TrialResult run(Trial trial, int attempt, String gpus) {
        Path dir = Path.of(trial.expDir());
        long start = System.nanoTime();
        try {
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve(LOG),
                    "=== attempt "
                            + attempt
                            + ": nas "
                            + String.join(" ", trial.args())
                            + (gpus == null ? "" : " (" + GpuSlots.VISIBLE + "=" + gpus + ")")
                            + "\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            Process p = builder(trial, gpus).start();
            Path pid = dir.resolve(PID);
            Files.writeString(pid, p.pid() + "\n", StandardCharsets.US_ASCII);
            int exit = p.waitFor();
            Files.deleteIfExists(pid);
            double wall = (System.nanoTime() - start) / 1e9;
            Map<String, Object> summary = readSummary(dir);
            if (exit == 0) {
                return new TrialResult(trial.id(), TrialResult.OK, attempt, 0, wall, "", summary);
            }
            String status = permanent(exit) ? TrialResult.FAILED : TrialResult.CRASHED;
            return new TrialResult(
                    trial.id(), status, attempt, exit, wall, lastError(dir, exit), summary);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start trial " + trial.id() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trial " + trial.id() + " ran", e);
        }
    }

    /** The jar (or directory) holding {@code mainClass} here, then this JVM's class path. */
    static String classPathHere(String mainClass) {
        String cp = System.getProperty("java.class.path");
        try {
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            Class<?> c =
                    Class.forName(
                            mainClass,
                            false,
                            cl != null ? cl : TrialProcess.class.getClassLoader());
            java.security.CodeSource src = c.getProtectionDomain().getCodeSource();
            if (src != null) {
                return Path.of(src.getLocation().toURI()) + java.io.File.pathSeparator + cp;
            }
        } catch (ClassNotFoundException | java.net.URISyntaxException | SecurityException e) {
            // fall back to the class path alone
        }
        return cp;
    }

    /** The trial's {@code summary.json}, empty when it has none. */
    static Map<String, Object> readSummary(Path dir) {
        Path f = dir.resolve("summary.json");
        if (!Files.isRegularFile(f)) {
            return Map.of();
        }
        try {
            Map<String, Object> m =
                    Json.gson()
                            .fromJson(
                                    Files.readString(f),
                                    new TypeToken<LinkedHashMap<String, Object>>() {}.getType());
            return m == null ? Map.of() : m;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /** The last line starting with {@code nas:} in the trial's log, or the exit code. */
    static String lastError(Path dir, int exit) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(LOG), StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith("nas:")) {
                    return lines.get(i);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // fall through to the exit code
        }
        return exit > 128
                ? "killed by signal " + (exit - 128)
                : "exited with code " + exit + " (see " + dir.resolve(LOG) + ")";
    }
}
