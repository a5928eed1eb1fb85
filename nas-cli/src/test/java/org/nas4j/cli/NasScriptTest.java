package org.nas4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code nas} launcher script's allocator switch ({@code NAS_MALLOC}), checked before any build
 * or JVM start, so these runs take milliseconds.
 */
class NasScriptTest {

    /** The repository root: the module's parent, where the script lives. */
    private static Path script() {
        Path s = Path.of("").toAbsolutePath().getParent().resolve("nas");
        assertTrue(Files.isRegularFile(s), "no launcher script at " + s);
        return s;
    }

    private static String[] run(String malloc) throws IOException, InterruptedException {
        ProcessBuilder pb =
                new ProcessBuilder("bash", script().toString(), "--version")
                        .redirectErrorStream(true);
        pb.environment().put("NAS_MALLOC", malloc);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script did not return");
        return new String[] {String.valueOf(p.exitValue()), out};
    }

    @Test
    void anUnknownAllocatorIsRefusedWithTheValidOnes() throws Exception {
        String[] r = run("jemalloc");
        assertEquals("1", r[0], r[1]);
        assertTrue(
                r[1].contains("NAS_MALLOC must be auto, tcmalloc or glibc, not 'jemalloc'"), r[1]);
        assertTrue(!r[1].contains("building nas4j"), "the check must come before a build: " + r[1]);
    }
}
