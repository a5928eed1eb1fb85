package org.nas4j.cli.e2e;

import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.cli.NasCli;
import org.nas4j.core.io.Json;

/**
 * What the end-to-end tests share: running {@code nas} in-process or in a child JVM, and the
 * smallest conf overrides that still exercise every part of the pipeline.
 */
final class E2e {
    /** Debian's Fashion-MNIST, the default dataroot. */
    static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    /** A search supernet of 2 cells (one reduction) with 4 channels, 3 batches of 16, 1 epoch. */
    static final List<String> TINY_SEARCH =
            List.of(
                    "--nas.search.model_desc.n_cells", "2",
                    "--nas.search.model_desc.n_reductions", "1",
                    "--nas.search.model_desc.init_node_ch", "4",
                    "--nas.search.model_desc.stem_multiplier", "2",
                    "--nas.search.loader.batch", "16",
                    "--nas.search.loader.max_batches", "3",
                    "--nas.search.trainer.epochs", "1",
                    "--common.log_interval", "1000");

    /** An evaluation network of 3 cells (one reduction) with 8 channels, batches of 32, 1 epoch. */
    static final List<String> TINY_EVAL =
            List.of(
                    "--nas.eval.model_desc.n_cells", "3",
                    "--nas.eval.model_desc.n_reductions", "1",
                    "--nas.eval.model_desc.init_node_ch", "8",
                    "--nas.eval.loader.batch", "32",
                    "--nas.eval.loader.max_batches", "25",
                    "--nas.eval.trainer.epochs", "1",
                    "--common.log_interval", "1000");

    private E2e() {}

    /** Exit code and captured output of one in-process run of {@code nas}. */
    record Run(int exit, String out, String err) {
        /** The whole output, for assertion messages. */
        String both() {
            return "exit " + exit + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }

    /** Runs {@code nas} with {@code args} in this JVM, capturing its stdout and stderr. */
    static Run nas(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cmd = NasCli.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    /**
     * {@code nas eval --algo darts --dataset synthetic --genotype DARTS_V2 --exp-dir exp} with the
     * tiny eval overrides, then {@code extra}: the short evaluation most e2e tests start from.
     */
    static List<String> syntheticEval(Path exp, Object... extra) {
        List<String> a =
                args(
                        "eval",
                        "--algo",
                        "darts",
                        "--dataset",
                        "synthetic",
                        "--genotype",
                        "DARTS_V2",
                        "--exp-dir",
                        exp,
                        TINY_EVAL);
        a.addAll(args(extra));
        return a;
    }

    /**
     * {@code COMMAND --algo ALGO --dataset synthetic --exp-dir exp} with the tiny search overrides,
     * then {@code extra}: the short search (or run) on synthetic data most e2e tests start from.
     */
    static List<String> syntheticSearch(String command, String algo, Path exp, Object... extra) {
        List<String> a =
                args(
                        command,
                        "--algo",
                        algo,
                        "--dataset",
                        "synthetic",
                        "--exp-dir",
                        exp,
                        TINY_SEARCH);
        a.addAll(args(extra));
        return a;
    }

    /** Concatenates strings and lists of strings into one argument list. */
    static List<String> args(Object... parts) {
        List<String> all = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof List<?> list) {
                list.forEach(o -> all.add(o.toString()));
            } else {
                all.add(p.toString());
            }
        }
        return all;
    }

    /**
     * A child JVM running {@code nas args} with this JVM's classpath and DJL settings (so its
     * numbers match an in-process run), its output going to {@code log}.
     */
    static ProcessBuilder childNas(List<String> args, Path log) {
        return childNas(args, log, List.of());
    }

    /** {@link #childNas(List, Path)} with {@code extraClasspath} (e.g. a plug-in jar) appended. */
    static ProcessBuilder childNas(List<String> args, Path log, List<Path> extraClasspath) {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        for (Path p : extraClasspath) {
            cp += java.io.File.pathSeparator + p.toAbsolutePath();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("ai.djl.")) {
                cmd.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        cmd.add("-cp");
        cmd.add(cp);
        cmd.add(NasCli.class.getName());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        // libtorch's OpenMP threads spin while waiting unless told otherwise (see the root pom).
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        return pb;
    }

    /** The JSON object in {@code file} as nested maps and lists. */
    static Map<String, Object> readJson(Path file) {
        try {
            return Json.gson()
                    .fromJson(
                            Files.readString(file),
                            new TypeToken<LinkedHashMap<String, Object>>() {}.getType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Number of epochs recorded in a phase's {@code metrics.json}, 0 when it does not exist. */
    static int metricsEpochs(Path phaseDir) {
        Path file = phaseDir.resolve("metrics.json");
        if (!Files.exists(file)) {
            return 0;
        }
        return ((List<?>) readJson(file).get("epochs")).size();
    }

    /** The entry of epoch {@code index} in a phase's {@code metrics.json}. */
    static Map<?, ?> metricsEpoch(Path phaseDir, int index) {
        return (Map<?, ?>)
                ((List<?>) readJson(phaseDir.resolve("metrics.json")).get("epochs")).get(index);
    }
}
