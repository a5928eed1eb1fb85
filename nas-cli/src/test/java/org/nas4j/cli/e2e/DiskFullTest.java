package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills while a run writes: the run stops with one message naming the file, exits
 * non-zero, leaves no half-written or temporary file, and the results already written are
 * byte-for-byte intact. The full disk is the file-size limit of the child process ({@code ulimit
 * -f}; the JVM ignores SIGXFSZ, so a write past it fails as a write to a full disk does).
 */
class DiskFullTest {
    private static final long CHILD_TIMEOUT_S = 300;

    private static List<String> run(Path exp) {
        return E2e.syntheticSearch("run", "darts", exp, E2e.TINY_EVAL);
    }

    private static Map<Path, byte[]> contents(Path dir) throws Exception {
        Map<Path, byte[]> m = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                m.put(dir.relativize(f), Files.readAllBytes(f));
            }
        }
        return m;
    }

    @Test
    void aDiskThatFillsDuringEvalStopsTheRunAndKeepsTheSearchResults(@TempDir Path tmp)
            throws Exception {
        Path exp = tmp.resolve("exp");
        E2e.Run search = E2e.nas(E2e.syntheticSearch("search", "darts", exp));
        assertEquals(0, search.exit(), search.both());
        Map<Path, byte[]> before = contents(exp.resolve("search"));

        // 64 KiB per file: the eval's config and log fit, its checkpoint does not
        Path log = tmp.resolve("child.log");
        ProcessBuilder child = E2e.childNas(run(exp), log);
        List<String> cmd =
                new ArrayList<>(List.of("bash", "-c", "ulimit -f 64; exec \"$@\"", "bash"));
        cmd.addAll(child.command());
        child.command(cmd);
        Process p = child.start();
        assertTrue(p.waitFor(CHILD_TIMEOUT_S, TimeUnit.SECONDS), "the child did not end");
        String out = Files.readString(log);
        assertNotEquals(0, p.exitValue(), out);
        List<String> nasLines = out.lines().filter(l -> l.startsWith("nas: ")).toList();
        assertEquals(1, nasLines.size(), out);
        assertTrue(nasLines.get(0).contains("Could not write "), out);
        assertTrue(nasLines.get(0).contains("File too large"), out);
        assertFalse(out.contains("\tat "), "a stack trace:\n" + out);
        assertFalse(out.contains("Exception"), out);

        Map<Path, byte[]> after = contents(exp.resolve("search"));
        assertEquals(before.keySet(), after.keySet(), "the search's files changed");
        for (Path f : before.keySet()) {
            assertArrayEquals(before.get(f), after.get(f), f + " changed");
        }
        try (Stream<Path> files = Files.walk(exp)) {
            List<Path> tmpFiles =
                    files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
            assertEquals(List.of(), tmpFiles, "temporary files were left behind");
        }
        assertFalse(Files.exists(exp.resolve("eval/result.json")), "eval claims to have finished");
    }
}
