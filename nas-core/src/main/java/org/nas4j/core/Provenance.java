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
 * What a run needs to be reproduced: versions of nas4j, Java and DJL, the platform, the git commit
 * of the working directory, the seed, the command line, the conf files and when and where it ran.
 * Written as {@code provenance.json} beside each phase's outputs.
 *
 * @param nas4jVersion the jar manifest's implementation version, or {@code dev}
 * @param gitCommit {@code git rev-parse HEAD} of the working directory, or {@code unknown}
 * @param gitState {@code clean}, {@code dirty} (uncommitted changes) or {@code unknown}
 * @param startTime ISO-8601 UTC
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
        String hostname) {

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
                currentHostname());
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
