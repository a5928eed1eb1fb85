package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.ConfException;
import org.nas4j.search.Algorithm;
import org.nas4j.search.Algorithms;

/**
 * What a user sees when an algorithm's conf and its class do not match: a conf for an algorithm
 * that is not installed, an installed algorithm without its confs, a services file naming a class
 * that is not there. Each is one line on stderr and exit code 1, checked in a child JVM whose class
 * path gets a temporary directory holding the offending conf or services file (so no other test
 * sees it).
 */
class AlgorithmRegistrationErrorsTest {
    private static final String SERVICES = "META-INF/services/" + Algorithm.class.getName();

    @Test
    void confForAnAlgorithmThatIsNotInstalledIsOneErrorLine(@TempDir Path tmp) throws Exception {
        Path cp = tmp.resolve("cp");
        write(
                cp.resolve("confs/algos/ghost_toy.yaml"),
                "__include__: ['darts_toy.yaml']\nnas:\n  search:\n    algo: 'ghost'\n");
        String line =
                failingChild(tmp, cp, "run", "--algo", "ghost", "--exp-dir", tmp.resolve("x"));
        assertTrue(line.startsWith("nas: No algorithm 'ghost' is installed"), line);
        assertTrue(line.contains("ghost_toy.yaml"), "names the conf file: " + line);
        assertTrue(line.contains("darts"), "lists the installed ones: " + line);
        assertTrue(Files.notExists(tmp.resolve("x")), "no experiment directory is started");
    }

    @Test
    void installedAlgorithmWithoutItsConfsIsOneErrorLine(@TempDir Path tmp) throws Exception {
        Path cp = tmp.resolve("cp");
        write(cp.resolve(SERVICES), ConflessAlgorithm.class.getName() + "\n");
        String line = failingChild(tmp, cp, "algos");
        assertTrue(line.startsWith("nas: Algorithm 'confless'"), line);
        assertTrue(line.contains("confs/algos/confless.yaml"), line);
    }

    @Test
    void servicesFileNamingAMissingClassIsOneErrorLine(@TempDir Path tmp) throws Exception {
        Path cp = tmp.resolve("cp");
        write(cp.resolve(SERVICES), "org.example.NoSuchAlgorithm\n");
        String line = failingChild(tmp, cp, "run", "--algo", "darts", "--exp-dir", tmp);
        assertTrue(line.startsWith("nas: An algorithm listed in " + SERVICES), line);
        assertTrue(line.contains("org.example.NoSuchAlgorithm"), line);
    }

    @Test
    void algorithmsOfRefusesAnAlgorithmWithoutConfs() {
        ConfException e =
                assertThrows(
                        ConfException.class, () -> Algorithms.of(List.of(new ConflessAlgorithm())));
        assertTrue(e.getMessage().contains("confs/algos/confless.yaml"), e.getMessage());
    }

    /** Runs {@code nas args} with {@code extraCp} on the class path; its output, one line. */
    private static String failingChild(Path tmp, Path extraCp, Object... args) throws Exception {
        Path log = tmp.resolve("child.log");
        Process p = E2e.childNas(E2e.args(args), log, List.of(extraCp)).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "child nas did not finish");
        String out = Files.readString(log).strip();
        assertEquals(1, p.exitValue(), out);
        List<String> lines = out.lines().toList();
        assertEquals(1, lines.size(), "expected one line, got:\n" + out);
        return lines.get(0);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
