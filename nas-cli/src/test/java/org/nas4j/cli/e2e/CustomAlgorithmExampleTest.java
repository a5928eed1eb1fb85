package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.cli.NasCli;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.ops.OpRegistry;

/**
 * The proof that a third party can write an algorithm: {@code examples/custom-algorithm} is built
 * by its own pom against the installed nas4j artifacts, exactly as an outside project would be, and
 * its jar, put on the class path of {@code nas}, adds {@code sigmoid_darts} to {@code nas algos}
 * and runs end to end with {@code nas run --algo sigmoid_darts}.
 *
 * <p>The artifacts must be installed first: the project's test command is {@code mvn install},
 * which installs every upstream module before this one's tests. With {@code -Dmaven.repo.local=DIR}
 * on that command the example is built against {@code DIR} too.
 */
class CustomAlgorithmExampleTest {
    private static final String ALGO = "sigmoid_darts";

    @Test
    void exampleBuiltOutsideTheReactorIsListedAndRunsEndToEnd(@TempDir Path tmp) throws Exception {
        Path mvn = onPath("mvn");
        Assumptions.assumeTrue(mvn != null, "mvn is not on the PATH; cannot build the example");
        Assumptions.assumeTrue(
                Files.isDirectory(E2e.FASHION_MNIST),
                "Fashion-MNIST is not installed in " + E2e.FASHION_MNIST);
        Path jar = buildExample(mvn, tmp.resolve("example"));

        String algos = childOutput(tmp, jar, 0, "algos");
        assertTrue(algos.lines().anyMatch(l -> l.startsWith(ALGO + " ")), algos);
        assertTrue(algos.lines().anyMatch(l -> l.startsWith("darts ")), algos);

        Path exp = tmp.resolve("exp");
        childOutput(
                tmp,
                jar,
                0,
                E2e.args(
                                "run",
                                "--algo",
                                ALGO,
                                "--exp-dir",
                                exp,
                                E2e.TINY_SEARCH,
                                E2e.TINY_EVAL,
                                // so the plug-in op's alphas take an architecture step
                                "--nas.search.trainer.arch_warmup_epochs",
                                "0")
                        .toArray());
        assertFinalDescIsDiscrete(DescJson.load(exp.resolve("search/final_model_desc.json")));
        assertTrue(Files.isRegularFile(exp.resolve("eval/result.json")), "eval did not finish");
        Map<String, Object> summary = E2e.readJson(exp.resolve("summary.json"));
        assertEquals(ALGO, summary.get("algo"));
        assertTrue(((Map<?, ?>) summary.get("eval")).get("test_top1") instanceof Number);
    }

    /** Copies the example to {@code dir}, builds it with its own pom, returns its jar. */
    private static Path buildExample(Path mvn, Path dir) throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path source = root.resolve("examples/custom-algorithm");
        assertTrue(Files.isRegularFile(source.resolve("pom.xml")), source + " has no pom.xml");
        copyTree(source, dir);
        List<String> cmd = new ArrayList<>(List.of(mvn.toString(), "-B", "-ntp", "-o", "-q"));
        cmd.addAll(List.of("-f", dir.resolve("pom.xml").toString(), "package"));
        cmd.add("-Dnas4j.version=" + nas4jVersion());
        String repo = System.getProperty("maven.repo.local");
        if (repo != null && !repo.isBlank()) {
            cmd.add("-Dmaven.repo.local=" + repo);
        }
        Path log = dir.resolve("mvn.log");
        Process p =
                new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("Building the example took over 5 minutes: " + String.join(" ", cmd));
        }
        String out = Files.readString(log);
        if (p.exitValue() != 0) {
            if (out.contains("Could not find artifact org.nas4j:")
                    || out.contains("Could not resolve dependencies")) {
                fail(
                        "The example could not resolve the nas4j artifacts from the local Maven"
                                + " repository ("
                                + (repo != null ? repo : "~/.m2/repository")
                                + "): run 'mvn -B -ntp install' from "
                                + root
                                + " (the example builds against installed artifacts, as an"
                                + " outside project does).\n"
                                + out);
            }
            fail(
                    "Building the example failed: "
                            + String.join(" ", cmd)
                            + "\nIf the errors name nas4j classes, the installed artifacts may be"
                            + " older than this checkout: run 'mvn -B -ntp install' from "
                            + root
                            + ".\n"
                            + out);
        }
        Path jar = dir.resolve("target/sigmoid-darts-1.0.jar");
        assertTrue(Files.isRegularFile(jar), jar + " was not built:\n" + out);
        return jar;
    }

    /**
     * Runs {@code nas args} in a child JVM with {@code jar}, expects {@code exit}, returns output.
     */
    private static String childOutput(Path tmp, Path jar, int exit, Object... args)
            throws Exception {
        Path log = Files.createTempFile(tmp, "nas", ".log");
        Process p = E2e.childNas(E2e.args(args), log, List.of(jar)).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("nas " + List.of(args) + " took over 5 minutes:\n" + Files.readString(log));
        }
        String out = Files.readString(log);
        assertEquals(exit, p.exitValue(), "nas " + List.of(args) + ":\n" + out);
        return out;
    }

    /** Every edge is a built-in discrete op (none of the plug-in's op), 1 or 2 per node. */
    private static void assertFinalDescIsDiscrete(ModelDesc desc) {
        OpRegistry builtIn = OpRegistry.standard();
        assertFalse(desc.cells().isEmpty());
        for (CellDesc cell : desc.cells()) {
            for (int n = 0; n < cell.nodes().size(); n++) {
                NodeDesc node = cell.nodes().get(n);
                String where = "cell " + cell.id() + " node " + n;
                int edges = node.edges().size();
                assertTrue(edges >= 1 && edges <= 2, where + " keeps " + edges + " edges");
                for (EdgeDesc e : node.edges()) {
                    String op = e.op().name();
                    assertTrue(
                            builtIn.contains(op) && !builtIn.isSearchable(op), where + ": " + op);
                }
            }
        }
    }

    private static String nas4jVersion() throws IOException {
        Properties props = new Properties();
        try (InputStream in = NasCli.class.getResourceAsStream("version.properties")) {
            props.load(in);
        }
        return props.getProperty("nas4j");
    }

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(f);
                if (rel.startsWith("target")) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(f, dest);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
