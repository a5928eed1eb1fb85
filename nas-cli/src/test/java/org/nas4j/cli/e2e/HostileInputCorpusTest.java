package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.cli.report.FakeExperiment;

/**
 * Hostile inputs of every kind a user can hand nas4j (malformed confs and overrides, descs,
 * genotypes, Archai YAML, dataset files, experiment directories, and the resource cases of {@link
 * HostileResourceCases}: impossible sizes, devices and huge files): each must end in one clear
 * message on stderr and a non-zero exit, never a stack trace, an internal error, a hang or an exit
 * 0, and must leave the files an earlier run wrote as they were. Cases are generated from
 * templates; the counts by category are printed at the end.
 */
class HostileInputCorpusTest {
    @TempDir static Path tmp;

    private static Path validDesc;
    private static String validDescText;
    private static Path archai;
    private static Path exp;
    private static Path trained;
    private static final Map<String, Integer> COUNTS = new ConcurrentHashMap<>();

    /** One hostile input: its category, a name, and the nas arguments it becomes. */
    record Case(String category, String name, List<String> args, Path guarded) {}

    @BeforeAll
    static void materials() throws Exception {
        validDesc = tmp.resolve("valid.json");
        E2e.Run r =
                E2e.nas(
                        List.of(
                                "desc",
                                "from-genotype",
                                "--genotype",
                                "DARTS_V2",
                                "-o",
                                validDesc.toString()));
        assertEquals(0, r.exit(), r.both());
        validDescText = Files.readString(validDesc);
        archai = tmp.resolve("archai.yaml");
        try (var in =
                HostileInputCorpusTest.class.getResourceAsStream(
                        "/archai/small_final_model_desc.yaml")) {
            if (in != null) {
                Files.write(archai, in.readAllBytes());
            }
        }
        exp = FakeExperiment.write(tmp.resolve("exp"));
        trained = tmp.resolve("trained"); // weights for the prediction cases: one tiny step
        r =
                E2e.nas(
                        E2e.args(
                                "eval",
                                "--algo",
                                "darts",
                                "--dataset",
                                "synthetic",
                                "--genotype",
                                "DARTS_V2",
                                "--exp-dir",
                                trained,
                                E2e.TINY_EVAL,
                                "--nas.eval.loader.max_batches",
                                "1"));
        assertEquals(0, r.exit(), r.both());
    }

    @AfterAll
    static void table() {
        StringBuilder sb = new StringBuilder("hostile-input corpus, cases by category:\n");
        int total = 0;
        for (Map.Entry<String, Integer> e : new TreeMap<>(COUNTS).entrySet()) {
            sb.append(String.format("  %-14s %4d%n", e.getKey(), e.getValue()));
            total += e.getValue();
        }
        sb.append(
                String.format("  %-14s %4d (each: non-zero exit, one message)%n", "total", total));
        System.out.print(sb);
    }

    @TestFactory
    Stream<DynamicTest> everyHostileInputEndsInOneClearMessage() throws IOException {
        List<Case> cases = new ArrayList<>();
        confs(cases);
        overrides(cases);
        descs(cases);
        genotypes(cases);
        archaiYaml(cases);
        datasets(cases);
        experiments(cases);
        HostileResourceCases.sizes(cases, tmp);
        HostileResourceCases.files(cases, tmp, validDesc);
        HostileResourceCases.genotypes(cases, tmp);
        HostileResourceCases.directories(cases, tmp, exp);
        HostileResourceCases.predictInputs(cases, tmp, trained);
        assertTrue(cases.size() >= 300, "only " + cases.size() + " cases");
        return cases.stream()
                .map(c -> DynamicTest.dynamicTest(c.category() + ": " + c.name(), () -> check(c)));
    }

    private static void check(Case c) throws Exception {
        String before = c.guarded() == null ? null : digest(c.guarded());
        E2e.Run run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> E2e.nas(c.args()));
        assertTrue(run.exit() != 0, "exit 0 for a hostile input\n" + run.both());
        String err = run.err().strip();
        assertFalse(err.isEmpty(), "no message\n" + run.both());
        assertTrue(err.startsWith("nas: ") || err.contains("Usage:"), run.both());
        assertFalse(err.contains("Exception in thread"), run.both());
        assertFalse(err.contains("\tat "), "a stack trace\n" + run.both());
        assertFalse(err.contains("this is a bug in nas4j"), "an internal error\n" + run.both());
        if (before != null) {
            assertEquals(before, digest(c.guarded()), "files written earlier changed");
        }
        COUNTS.merge(c.category(), 1, Integer::sum);
    }

    // ---------------------------------------------------------------- confs (--conf FILE)

    private static void confs(List<Case> out) throws IOException {
        Map<String, String> bad = new TreeMap<>();
        bad.put("tab-indent", "nas:\n\tsearch: 1\n");
        bad.put("unclosed-quote", "common:\n  seed: 'x\n");
        bad.put("unclosed-flow", "nas: {search: [1, 2\n");
        bad.put("duplicate-key", "common:\n  seed: 1\n  seed: 2\n");
        bad.put("top-level-list", "- a\n- b\n");
        bad.put("top-level-scalar", "42\n");
        bad.put("python-tag", "common: !!python/object:os.system {}\n");
        bad.put("java-tag", "common: !!javax.script.ScriptEngineManager []\n");
        bad.put("unknown-section", "nass:\n  search: {}\n");
        bad.put("misspelt-leaf", "nas:\n  search:\n    trainer:\n      epocs: 3\n");
        bad.put("misspelt-loader", "nas:\n  eval:\n    loader:\n      bacth: 8\n");
        bad.put("copy-missing", "nas:\n  search:\n    trainer:\n      optimizer: {_copy: /nope}\n");
        bad.put("copy-cycle", "common: {_copy: /dataset}\ndataset: {_copy: /common}\n");
        bad.put("include-missing", "__include__: ['no_such_file.yaml']\n");
        bad.put("include-number", "__include__: 42\n");
        bad.put("undefined-var", "common:\n  experiment_name: '${no.such.key}'\n");
        bad.put("env-undefined", "common:\n  experiment_name: '${env:NAS4J_NO_SUCH_VAR_X}'\n");
        bad.put(
                "var-cycle",
                "common:\n  experiment_name: '${common.logdir}'\n  logdir: '${common.experiment_name}'\n");
        bad.put("huge-int", "nas:\n  search:\n    trainer:\n      epochs: 99999999999999999999\n");
        bad.put("int-past-int", "nas:\n  eval:\n    loader:\n      batch: 3000000000\n");
        bad.put("string-for-int", "nas:\n  eval:\n    trainer:\n      epochs: many\n");
        bad.put("list-for-int", "nas:\n  eval:\n    trainer:\n      epochs: [1, 2]\n");
        bad.put("map-for-scalar", "common:\n  seed: {a: 1}\n");
        bad.put("nan-lr", "nas:\n  eval:\n    trainer:\n      optimizer:\n        lr: .nan\n");
        bad.put("inf-lr", "nas:\n  eval:\n    trainer:\n      optimizer:\n        lr: .inf\n");
        bad.put("zero-epochs", "nas:\n  eval:\n    trainer:\n      epochs: 0\n");
        bad.put("neg-batch", "nas:\n  search:\n    loader:\n      batch: -1\n");
        bad.put(
                "reductions>cells",
                "nas:\n  eval:\n    model_desc:\n      n_cells: 2\n      n_reductions: 5\n");
        bad.put("million-cells", "nas:\n  eval:\n    model_desc:\n      n_cells: 1000000\n");
        bad.put("zero-channels", "nas:\n  search:\n    model_desc:\n      init_node_ch: 0\n");
        bad.put("max-final-edges-0", "nas:\n  search:\n    finalizer:\n      max_final_edges: 0\n");
        bad.put("workers-huge", "nas:\n  search:\n    loader:\n      workers: 100000\n");
        bad.put(
                "bad-optimizer",
                "nas:\n  eval:\n    trainer:\n      optimizer:\n        type: sgdx\n");
        bad.put(
                "bad-schedule",
                "nas:\n  eval:\n    trainer:\n      lr_schedule:\n        type: wavy\n");
        bad.put("bad-device", "common:\n  device: tpu\n");
        bad.put("bad-algo", "nas:\n  search:\n    algo: no_such_algo\n");
        bad.put("exp-name-escape", "common:\n  experiment_name: '../../etc'\n");
        bad.put("bad-best-metric", "nas:\n  eval:\n    trainer:\n      best_metric: val.acc\n");
        bad.put("val-best-no-split", "nas:\n  eval:\n    trainer:\n      best_metric: val.loss\n");
        bad.put("empty-file", "");
        bad.put("binary", "\u0000\u0001\u0002garbage\u00ff");
        StringBuilder bomb = new StringBuilder("a0: &a0 [" + "x, ".repeat(99) + "x]\n");
        for (int i = 1; i <= 5; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            bomb.append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1))));
            bomb.append("]\n");
        }
        bad.put("alias-bomb", bomb.toString());
        bad.put("deep-nesting", "common: " + "[".repeat(300) + "]".repeat(300) + "\n");
        StringBuilder chain = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            chain.append("k").append(i).append(": {_copy: '/k").append(i + 1).append("'}\n");
        }
        chain.append("k300: {v: 1}\n");
        bad.put("copy-chain", chain.toString());
        int i = 0;
        for (Map.Entry<String, String> e : bad.entrySet()) {
            Path f = tmp.resolve("conf_" + (i++) + ".yaml");
            if (e.getKey().equals("empty-file")) {
                continue; // an empty --conf is a valid no-op
            }
            Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
            for (String cmd : List.of("run", "conf")) {
                if (cmd.equals("conf") && !loadsOnly(e.getKey())) {
                    continue;
                }
                out.add(
                        new Case(
                                "conf",
                                cmd + " " + e.getKey(),
                                E2e.args(
                                        cmd,
                                        "--algo",
                                        "darts",
                                        "--conf",
                                        f,
                                        "--exp-dir",
                                        tmp.resolve("never_" + i)),
                                exp.resolve("summary.json")));
            }
        }
    }

    /** Cases whose error comes from loading the conf alone (so `nas conf` reports it too). */
    private static boolean loadsOnly(String name) {
        return List.of(
                        "tab-indent",
                        "unclosed-quote",
                        "unclosed-flow",
                        "duplicate-key",
                        "top-level-list",
                        "top-level-scalar",
                        "python-tag",
                        "java-tag",
                        "unknown-section",
                        "misspelt-leaf",
                        "misspelt-loader",
                        "copy-missing",
                        "copy-cycle",
                        "include-missing",
                        "include-number",
                        "undefined-var",
                        "env-undefined",
                        "var-cycle",
                        "alias-bomb",
                        "deep-nesting",
                        "copy-chain",
                        "binary")
                .contains(name);
    }

    // ---------------------------------------------------------------- command-line overrides

    private static void overrides(List<Case> out) {
        Map<String, List<String>> keys = new TreeMap<>();
        List<String> ints = List.of("-1", "0", "abc", "1.5", "99999999999", "[1]");
        keys.put("nas.search.trainer.epochs", ints);
        keys.put("nas.eval.trainer.epochs", ints);
        keys.put("nas.search.loader.batch", ints);
        keys.put("nas.eval.loader.batch", ints);
        keys.put("nas.search.model_desc.n_cells", ints);
        keys.put("nas.eval.model_desc.n_cells", ints);
        keys.put("nas.search.model_desc.init_node_ch", ints);
        keys.put("nas.eval.model_desc.n_nodes", ints);
        keys.put("nas.search.finalizer.max_final_edges", List.of("0", "-2", "x"));
        keys.put("nas.eval.trainer.optimizer.lr", List.of("NaN", "-1", "Infinity", "fast"));
        keys.put("nas.search.trainer.alpha_optimizer.lr", List.of("NaN", "-0.1", "x"));
        keys.put("nas.eval.trainer.optimizer.momentum", List.of("1.5", "-0.5", "x"));
        keys.put("nas.eval.trainer.drop_path_prob", List.of("1.0", "-0.1", "2"));
        keys.put("nas.eval.loader.val_ratio", List.of("1.0", "-0.5", "x"));
        keys.put("nas.search.loader.workers", List.of("-1", "100000"));
        keys.put("nas.eval.loader.cutout", List.of("-3", "x"));
        keys.put("common.seed", List.of("x", "1.5"));
        keys.put("common.device", List.of("tpu", "gpu:99", "gpu:x"));
        keys.put("common.experiment_name", List.of("../up", "a/b", "", "..", "/abs"));
        keys.put("nas.search.algo", List.of("nope"));
        keys.put("nas.search.trainer.bilevel.order", List.of("third"));
        for (Map.Entry<String, List<String>> e : keys.entrySet()) {
            for (String v : e.getValue()) {
                out.add(
                        new Case(
                                "override",
                                e.getKey() + "=" + v,
                                E2e.args(
                                        "run",
                                        "--algo",
                                        "darts",
                                        "--" + e.getKey(),
                                        v,
                                        "--exp-dir",
                                        tmp.resolve("never_o")),
                                exp.resolve("summary.json")));
            }
        }
        for (String k :
                List.of(
                        "nas.search.trainer.epocs",
                        "nas.eval.loader.bacth",
                        "common.sed",
                        "nas.serch.trainer.epochs",
                        "dataset.dataroott")) {
            out.add(
                    new Case(
                            "override",
                            "unknown " + k,
                            E2e.args("conf", "--algo", "darts", "--" + k, "1"),
                            null));
        }
        out.add(
                new Case(
                        "override",
                        "dangling key",
                        E2e.args("conf", "--algo", "darts", "--nas.search.trainer.epochs"),
                        null));
        out.add(new Case("override", "unknown algo", E2e.args("conf", "--algo", "nope"), null));
        out.add(
                new Case(
                        "override",
                        "unknown preset",
                        E2e.args("conf", "--algo", "darts", "--preset", "nope"),
                        null));
        out.add(
                new Case(
                        "override",
                        "unknown dataset",
                        E2e.args("conf", "--algo", "darts", "--dataset", "nope"),
                        null));
    }

    // ---------------------------------------------------------------- model descriptions

    private static void descs(List<Case> out) throws IOException {
        int n = validDescText.length();
        List<String> variants = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int k = 1; k <= 40; k++) { // truncated at 40 points
            int cut = (int) ((long) n * k / 41);
            variants.add(validDescText.substring(0, cut));
            names.add("truncated at " + cut);
        }
        Map<String, Function<String, String>> edits = new TreeMap<>();
        edits.put("unknown op", s -> s.replaceFirst("\"sep_conv_3x3\"", "\"sep_conv_9x9\""));
        edits.put("unknown op everywhere", s -> s.replace("\"skip_connect\"", "\"teleport\""));
        edits.put("negative channels", s -> s.replaceFirst("\"ch_in\": [0-9]+", "\"ch_in\": -4"));
        edits.put("zero channels", s -> s.replaceFirst("\"ch_out\": [0-9]+", "\"ch_out\": 0"));
        edits.put(
                "huge channels",
                s -> s.replaceFirst("\"ch_out\": [0-9]+", "\"ch_out\": 99999999999"));
        edits.put(
                "bad input id",
                s -> s.replaceFirst("\"input_ids\": \\[\\s*[0-9]+", "\"input_ids\": [77"));
        edits.put(
                "negative input id",
                s -> s.replaceFirst("\"input_ids\": \\[\\s*[0-9]+", "\"input_ids\": [-1"));
        edits.put(
                "wrong format",
                s -> s.replaceFirst("\"format\": \"[^\"]*\"", "\"format\": \"other\""));
        edits.put("wrong version", s -> s.replaceFirst("\"version\": [0-9]+", "\"version\": 99"));
        edits.put(
                "version string", s -> s.replaceFirst("\"version\": [0-9]+", "\"version\": \"1\""));
        edits.put("no cells", s -> s.replaceFirst("\"cells\": \\[", "\"cellz\": ["));
        edits.put(
                "cells not a list",
                s -> s.replaceFirst("\"cells\": \\[", "\"cells\": 5, \"x\": ["));
        edits.put(
                "bad cell type",
                s -> s.replaceFirst("\"cell_type\": \"[a-z]+\"", "\"cell_type\": \"weird\""));
        edits.put("stride 0", s -> s.replaceFirst("\"stride\": [0-9]+", "\"stride\": 0"));
        edits.put("null op", s -> s.replaceFirst("\"op\": \\{", "\"op\": null, \"x\": {"));
        edits.put("empty object", s -> "{}");
        edits.put("json array", s -> "[1, 2, 3]");
        edits.put("not json", s -> "this is not json");
        edits.put("empty", s -> "");
        edits.put("deep nesting", s -> "[".repeat(100_000) + "]".repeat(100_000));
        edits.put(
                "deep in object", s -> "{\"format\": " + "[".repeat(5000) + "]".repeat(5000) + "}");
        edits.put("trailing garbage", s -> s + "}}}");
        edits.put("nan number", s -> s.replaceFirst("\"ch_in\": [0-9]+", "\"ch_in\": NaN"));
        edits.put(
                "input shape bad",
                s -> s.replaceFirst("\"input_shape\": \\[[^\\]]*\\]", "\"input_shape\": [1]"));
        edits.put("classes 0", s -> s.replaceFirst("\"n_classes\": [0-9]+", "\"n_classes\": 0"));
        for (Map.Entry<String, Function<String, String>> e : edits.entrySet()) {
            variants.add(e.getValue().apply(validDescText));
            names.add(e.getKey());
        }
        for (int i = 0; i < variants.size(); i++) {
            Path f = tmp.resolve("desc_" + i + ".json");
            Files.writeString(f, variants.get(i));
            String cmd = List.of("validate", "show", "draw", "to-genotype").get(i % 4);
            List<String> args =
                    cmd.equals("draw")
                            ? E2e.args("desc", cmd, f, "-o", tmp.resolve("d" + i + ".svg"))
                            : E2e.args("desc", cmd, f);
            out.add(new Case("desc", cmd + " " + names.get(i), args, validDesc));
        }
        out.add(
                new Case(
                        "desc",
                        "missing file",
                        E2e.args("desc", "validate", tmp.resolve("no_such.json")),
                        null));
        out.add(new Case("desc", "a directory", E2e.args("desc", "show", tmp), null));
    }

    // ---------------------------------------------------------------- genotypes

    private static void genotypes(List<Case> out) {
        String g =
                "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0),"
                        + " ('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0),"
                        + " ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5],"
                        + " reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2),"
                        + " ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2),"
                        + " ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])";
        List<String> variants = new ArrayList<>();
        for (int k = 1; k <= 30; k++) {
            variants.add(g.substring(0, g.length() * k / 31));
        }
        variants.add(g.replace("'sep_conv_3x3', 0", "'sep_conv_9x9', 0"));
        variants.add(g.replace("('dil_conv_3x3', 2)", "('dil_conv_3x3', 7)"));
        variants.add(g.replace("('dil_conv_3x3', 2)", "('dil_conv_3x3', 99999999999999)"));
        variants.add(g.replace("('dil_conv_3x3', 2)", "('dil_conv_3x3', -1)"));
        variants.add(g.replace("normal_concat=[2, 3, 4, 5]", "normal_concat=[2, 3, 4, 9]"));
        variants.add(g.replace("normal_concat=[2, 3, 4, 5]", "normal_concat=range(2, 99)"));
        variants.add(g.replace("Genotype(", "Genotyp("));
        variants.add(g.replace("normal=", "normal=normal="));
        variants.add(g.replace("reduce_concat", "reduce_concat=[2], reduce_concat"));
        variants.add(g + ")");
        variants.add(g.replace("[('sep_conv_3x3', 0), ", "[('sep_conv_3x3'), "));
        variants.add(g.replace("'sep_conv_3x3', 0", "sep_conv_3x3, 0"));
        variants.add("Genotype(" + "(".repeat(5000));
        variants.add("");
        variants.add("NO_SUCH_NAMED_CELL");
        variants.add("Genotype()");
        variants.add(
                g.replace("('skip_connect', 0),", "('skip_connect', 0), ('skip_connect', 0),"));
        for (int i = 0; i < variants.size(); i++) {
            out.add(
                    new Case(
                            "genotype",
                            "variant " + i,
                            E2e.args(
                                    "desc",
                                    "from-genotype",
                                    variants.get(i),
                                    "-o",
                                    tmp.resolve("g" + i + ".json")),
                            null));
        }
    }

    // ---------------------------------------------------------------- Archai YAML

    private static void archaiYaml(List<Case> out) throws IOException {
        if (!Files.isRegularFile(archai)) {
            return;
        }
        String text = Files.readString(archai);
        List<String> variants = new ArrayList<>();
        for (int k = 1; k <= 20; k++) {
            variants.add(text.substring(0, text.length() * k / 21));
        }
        variants.add(text.replaceFirst("sep_conv_3x3", "sep_conv_99x99"));
        variants.add("!!python/object/apply:os.system ['echo hi']\n");
        variants.add(text.replaceFirst("ch_out: [0-9]+", "ch_out: -3"));
        variants.add(text.replaceFirst("ch_out: [0-9]+", "ch_out: many"));
        variants.add("just a string\n");
        variants.add("- a\n- b\n");
        variants.add("");
        variants.add("a: [" + "[".repeat(300) + "]".repeat(300) + "]\n");
        for (int i = 0; i < variants.size(); i++) {
            Path f = tmp.resolve("archai_" + i + ".yaml");
            Files.writeString(f, variants.get(i));
            out.add(
                    new Case(
                            "archai",
                            "variant " + i,
                            E2e.args("desc", "import", f, "-o", tmp.resolve("ai" + i + ".json")),
                            null));
        }
    }

    // ---------------------------------------------------------------- dataset files

    private static void datasets(List<Case> out) throws IOException {
        byte[] images = idx(2051, 3, 64);
        byte[] labels = idx(2049, 1, 64);
        Map<String, byte[][]> sets = new TreeMap<>(); // name -> {train images, train labels}
        for (int k = 1; k <= 8; k++) {
            sets.put("images truncated " + k, new byte[][] {cut(gz(images), k, 9), gz(labels)});
            sets.put("labels truncated " + k, new byte[][] {gz(images), cut(gz(labels), k, 9)});
        }
        byte[] badMagic = images.clone();
        badMagic[3] = 7;
        sets.put("bad magic", new byte[][] {gz(badMagic), gz(labels)});
        sets.put("labels as images", new byte[][] {gz(labels), gz(labels)});
        sets.put("count mismatch", new byte[][] {gz(images), gz(idx(2049, 1, 10))});
        sets.put("not gzip", new byte[][] {"plain text, not gzip".getBytes(), gz(labels)});
        sets.put("empty files", new byte[][] {new byte[0], new byte[0]});
        byte[] wrongSize = idx(2051, 3, 64);
        ByteBuffer.wrap(wrongSize).putInt(8, 99); // rows
        sets.put("wrong image size", new byte[][] {gz(wrongSize), gz(labels)});
        byte[] badLabel = labels.clone();
        badLabel[8] = (byte) 200;
        sets.put("label out of range", new byte[][] {gz(images), gz(badLabel)});
        int i = 0;
        for (Map.Entry<String, byte[][]> e : sets.entrySet()) {
            Path root = Files.createDirectories(tmp.resolve("data_" + (i++)));
            Files.write(root.resolve("train-images-idx3-ubyte.gz"), e.getValue()[0]);
            Files.write(root.resolve("train-labels-idx1-ubyte.gz"), e.getValue()[1]);
            Files.write(root.resolve("t10k-images-idx3-ubyte.gz"), gz(images));
            Files.write(root.resolve("t10k-labels-idx1-ubyte.gz"), gz(labels));
            out.add(
                    new Case(
                            "dataset",
                            e.getKey(),
                            E2e.args(
                                    "eval",
                                    "--algo",
                                    "darts",
                                    "--genotype",
                                    "DARTS_V2",
                                    "--dataset.dataroot",
                                    root,
                                    "--exp-dir",
                                    tmp.resolve("ds_exp_" + i),
                                    E2e.TINY_EVAL),
                            exp.resolve("summary.json")));
        }
        out.add(
                new Case(
                        "dataset",
                        "missing dataroot",
                        E2e.args(
                                "eval",
                                "--algo",
                                "darts",
                                "--genotype",
                                "DARTS_V2",
                                "--dataset.dataroot",
                                tmp.resolve("no_such_dir"),
                                "--exp-dir",
                                tmp.resolve("ds_exp_missing"),
                                E2e.TINY_EVAL),
                        null));
    }

    /** An IDX file: magic, {@code dims} dimensions (n, 28, 28 or n), n items of bytes < 10. */
    private static byte[] idx(int magic, int dims, int n) {
        int per = dims == 3 ? 28 * 28 : 1;
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims + n * per);
        b.putInt(magic).putInt(n);
        if (dims == 3) {
            b.putInt(28).putInt(28);
        }
        for (int k = 0; k < n * per; k++) {
            b.put((byte) (k % 10));
        }
        return b.array();
    }

    private static byte[] gz(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(bytes)) {
            o.write(raw);
        }
        return bytes.toByteArray();
    }

    private static byte[] cut(byte[] b, int k, int of) {
        return java.util.Arrays.copyOf(b, Math.max(1, b.length * k / of));
    }

    // ---------------------------------------------------------------- experiment directories

    private static void experiments(List<Case> out) throws IOException {
        Map<String, String> corrupt = new TreeMap<>();
        corrupt.put("summary.json", "{not json");
        corrupt.put("eval/result.json", "[1, 2]");
        corrupt.put("eval/full_model_desc.json", "{\"format\": 3}");
        corrupt.put("search/final_model_desc.json", "");
        corrupt.put("eval/metrics.json", "{\"epochs\": 7}");
        corrupt.put("eval/config_used.yaml", "nas: [\n");
        corrupt.put("search/metrics.json", "[".repeat(100_000));
        int i = 0;
        for (Map.Entry<String, String> e : corrupt.entrySet()) {
            for (String cmd : List.of("report", "export", "predict")) {
                if (cmd.equals("report") && e.getKey().equals("eval/result.json")) {
                    continue; // the report reads summary.json, not the phase's own record
                }
                Path copy = copyTree(exp, tmp.resolve("exp_" + (i++)));
                Files.writeString(copy.resolve(e.getKey()), e.getValue());
                List<String> args =
                        switch (cmd) {
                            case "report" -> E2e.args("report", copy);
                            case "export" ->
                                    E2e.args("export", "--exp", copy, "-o", tmp.resolve("x" + i));
                            default ->
                                    E2e.args(
                                            "predict",
                                            "--exp",
                                            copy,
                                            "--input",
                                            tmp.resolve("no_images.gz"));
                        };
                out.add(
                        new Case(
                                "experiment",
                                cmd + " with corrupt " + e.getKey(),
                                args,
                                copy.resolve("eval/result.json").equals(copy.resolve(e.getKey()))
                                        ? null
                                        : copy.resolve("eval/result.json")));
            }
        }
        for (String cmd : List.of("report", "export", "predict")) {
            Path missing = tmp.resolve("no_experiment_here");
            List<String> args =
                    switch (cmd) {
                        case "report" -> E2e.args("report", missing);
                        case "export" ->
                                E2e.args("export", "--exp", missing, "-o", tmp.resolve("y"));
                        default -> E2e.args("predict", "--exp", missing, "--input", missing);
                    };
            out.add(new Case("experiment", cmd + " of a missing directory", args, null));
        }
    }

    static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }

    private static String digest(Path f) throws Exception {
        if (!Files.exists(f)) {
            return "absent";
        }
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(md.digest(Files.readAllBytes(f)));
    }
}
