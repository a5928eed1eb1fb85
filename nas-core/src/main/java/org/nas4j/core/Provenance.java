package org.nas4j.core;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.nas4j.core.io.Json;

/**
 * What a run needs to be reproduced: versions of nas4j, Java, DJL and libtorch, the platform, the
 * git commit of the working directory, the seed, the command line, the conf files, the device and
 * when and where it ran. Written as {@code provenance.json} beside each phase's outputs.
 *
 * @param nas4jVersion the jar manifest's implementation version, or {@code dev}
 * @param gitCommit {@code git rev-parse HEAD} of the working directory, or {@code unknown}
 * @param gitState {@code clean}, {@code dirty} (uncommitted changes) or {@code unknown}
 * @param startTime ISO-8601 UTC
 * @param libtorch libtorch's version and where DJL takes it from: the CPU natives on the class
 *     path, or the folder {@code PYTORCH_LIBRARY_PATH} names (a CUDA build, another version): the
 *     same seed gives other numbers on another libtorch or device
 * @param device the device the phase trains on, as {@code Devices.describe} says it (null until the
 *     phase sets it)
 */
public record Provenance(
        String nas4jVersion,
        String javaVersion,
        String os,
        String arch,
        String djlVersion,
        String gitCommit,
        String gitState,
        long seed,
        List<String> args,
        List<String> confPaths,
        String startTime,
        String hostname,
        String libtorch,
        String device) {

    static final String UNKNOWN = "unknown";
    private static final long GIT_TIMEOUT_S = 5;

    public Provenance {
        args = List.copyOf(args);
        confPaths = List.copyOf(confPaths);
    }

    /** Captures the provenance of a run starting now in the current working directory. */
    public static Provenance capture(List<String> args, List<String> confPaths, long seed) {
        String commit = git("rev-parse", "HEAD");
        String status = commit == null ? null : git("status", "--porcelain");
        String state = status == null ? UNKNOWN : status.isBlank() ? "clean" : "dirty";
        String version = Provenance.class.getPackage().getImplementationVersion();
        return new Provenance(
                version != null ? version : "dev",
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"),
                currentDjlVersion(),
                commit != null ? commit.trim() : UNKNOWN,
                state,
                seed,
                args,
                confPaths,
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                currentHostname(),
                currentLibtorch(),
                null);
    }

    /** This provenance with {@code device} (a phase's device, e.g. {@code gpu:0 (1 GPU found)}). */
    public Provenance withDevice(String device) {
        return new Provenance(
                nas4jVersion,
                javaVersion,
                os,
                arch,
                djlVersion,
                gitCommit,
                gitState,
                seed,
                args,
                confPaths,
                startTime,
                hostname,
                libtorch,
                device);
    }

    /**
     * libtorch's version and source without starting the engine (as DJL's LibUtils decides it):
     * {@code PYTORCH_LIBRARY_PATH}'s folder with {@code PYTORCH_VERSION}, else the version of the
     * native jar on the class path.
     */
    static String currentLibtorch() {
        String fromPath = libtorchFromPath();
        if (fromPath != null) {
            return fromPath;
        }
        try {
            ai.djl.util.Platform p = ai.djl.util.Platform.detectPlatform("pytorch");
            return p.getVersion() + " " + p.getFlavor() + " (class path)";
        } catch (RuntimeException | AssertionError e) {
            return UNKNOWN; // DJL asserts when no PyTorch natives are on the class path
        }
    }

    /**
     * {@code "<PYTORCH_VERSION> from <PYTORCH_LIBRARY_PATH>"} when {@code PYTORCH_LIBRARY_PATH}
     * names the libtorch DJL loads (the version {@code unknown} when not given), else null.
     */
    public static String libtorchFromPath() {
        String dir = ai.djl.util.Utils.getEnvOrSystemProperty("PYTORCH_LIBRARY_PATH");
        if (dir == null || dir.isBlank()) {
            return null;
        }
        String v = ai.djl.util.Utils.getEnvOrSystemProperty("PYTORCH_VERSION");
        return (v == null || v.isBlank() ? UNKNOWN : v) + " from " + dir;
    }

    /** Writes this as pretty JSON to {@code file}, atomically. */
    public void write(Path file) {
        Json.write(file, this);
    }

    /**
     * DJL's version without initialising {@link Engine}, whose static initialiser looks up engines:
     * the same sources {@code Engine.getDjlVersion()} reads.
     */
    static String currentDjlVersion() {
        String v = Engine.class.getPackage().getSpecificationVersion();
        if (v != null) {
            return v;
        }
        try (InputStream in = Engine.class.getResourceAsStream("api.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("djl_version", UNKNOWN);
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /** Output of a git command in the working directory, or null if git fails or is absent. */
    private static String git(String... command) {
        Path out = null;
        Process proc = null;
        try {
            out = Files.createTempFile("nas4j-git", ".txt");
            List<String> cmd = new ArrayList<>(List.of("git"));
            cmd.addAll(List.of(command));
            // output goes to a file so that a large status can never block the process on a pipe
            proc =
                    new ProcessBuilder(cmd)
                            .redirectOutput(out.toFile())
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
            if (!proc.waitFor(GIT_TIMEOUT_S, TimeUnit.SECONDS) || proc.exitValue() != 0) {
                return null;
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (proc != null && proc.isAlive()) {
                proc.destroyForcibly();
            }
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    private static String currentHostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
