package org.nas4j.cli.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.conf.AlgoConfs;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.genotype.Genotype;
import org.nas4j.core.genotype.Genotypes;
import org.nas4j.core.io.AtomicFiles;
import org.nas4j.core.io.Json;
import org.nas4j.core.result.EvalResult;
import org.nas4j.core.result.ExperimentSummary;
import org.nas4j.core.result.SearchResult;
import org.nas4j.eval.GenotypeDescs;

/**
 * A hand-made experiment directory in the layout {@code nas run} writes: summary.json, search/ and
 * eval/ with the conf used, provenance, log, metrics (the trainer's metrics.json layout), alphas
 * and model descriptions of DARTS_V2 in the toy networks. No weights: tests that need them add
 * them.
 */
public final class FakeExperiment {
    /** Primitives of the DARTS search space, in the conf's order. */
    public static final List<String> PRIMITIVES =
            List.of(
                    "max_pool_3x3",
                    "avg_pool_3x3",
                    "skip_connect",
                    "sep_conv_3x3",
                    "sep_conv_5x5",
                    "dil_conv_3x3",
                    "dil_conv_5x5",
                    "none");

    /** Search epochs written. */
    public static final int SEARCH_EPOCHS = 3;

    private FakeExperiment() {}

    /** Writes the whole directory under {@code dir} and returns {@code dir}. */
    public static Path write(Path dir) throws Exception {
        Conf conf = Conf.load(AlgoConfs.confPaths("darts", false, null, null), List.of());
        Genotype g = Genotypes.named("DARTS_V2");
        Path search = dir.resolve("search");
        Path eval = dir.resolve("eval");
        Files.createDirectories(search);
        Files.createDirectories(eval);
        for (Path p : List.of(search, eval)) {
            AtomicFiles.writeString(p.resolve("config_used.yaml"), conf.toYaml());
            Json.write(
                    p.resolve("provenance.json"),
                    Map.of("nas4jVersion", "0.1.0-SNAPSHOT", "seed", 2, "gitState", "clean"));
            AtomicFiles.writeString(p.resolve("log.txt"), "epoch 0 done\n");
        }
        DescJson.save(
                GenotypeDescs.build(g, conf.child("nas.search.model_desc"), "search"),
                search.resolve("final_model_desc.json"));
        DescJson.save(
                GenotypeDescs.build(g, conf.child("nas.eval.model_desc"), "eval"),
                eval.resolve("full_model_desc.json"));
        Json.write(search.resolve("metrics.json"), metrics(SEARCH_EPOCHS, true, false));
        Json.write(eval.resolve("metrics.json"), metrics(2, false, true));
        AtomicFiles.writeString(search.resolve("alphas.jsonl"), alphas(SEARCH_EPOCHS));
        summary(g).save(dir.resolve("summary.json"));
        return dir;
    }

    private static ExperimentSummary summary(Genotype g) {
        return new ExperimentSummary(
                "darts",
                "fashion_mnist",
                2,
                "toy",
                new SearchResult(312.5, SEARCH_EPOCHS, g.toString(), 61234, 0.5),
                new EvalResult(95.25, 2, 123456, 7654321, 0.8123, 0.99, 0.5234, 410.5),
                new ExperimentSummary.Versions(
                        "0.1.0-SNAPSHOT",
                        "0.35.1",
                        "17.0.12",
                        "dc08787",
                        "clean",
                        "2.7.1-20250812 cpu (class path)",
                        "cpu (no GPU found)"));
    }

    /** The trainer's metrics.json: {"epochs": [...], "best", "last", "global_step"}. */
    static Map<String, Object> metrics(int n, boolean val, boolean test) {
        List<Map<String, Object>> epochs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("epoch", i);
            e.put("steps", 40);
            e.put("lr", 0.025 - 0.005 * i);
            e.put("imagesPerSec", 300.0 + 10 * i);
            e.put("epochSeconds", 4.5);
            e.put("gradNorm", 1.2);
            e.put("train", split(2.0 - 0.4 * i, 0.3 + 0.15 * i));
            if (val) {
                e.put("val", split(2.1 - 0.4 * i, 0.28 + 0.14 * i));
            }
            if (test) {
                e.put("test", split(0.9 - 0.2 * i, 0.7 + 0.1 * i));
            }
            epochs.add(e);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("epochs", epochs);
        doc.put("best", epochs.get(n - 1));
        doc.put("last", epochs.get(n - 1));
        doc.put("global_step", 40 * n);
        return doc;
    }

    private static Map<String, Object> split(double loss, double top1) {
        return Map.of("loss", loss, "top1", top1, "top5", Math.min(1, top1 + 0.3), "count", 1280);
    }

    /**
     * One line per epoch with raw logits for cells 0 (normal) and 1 (reduction) of the toy search
     * network; in the last epoch edge 0 of node 0 of cell 0 has logits 0 except ln 3 for
     * sep_conv_3x3 (softmax 0.3 there).
     */
    static String alphas(int epochs) {
        StringBuilder sb = new StringBuilder();
        for (int e = 0; e < epochs; e++) {
            Map<String, Object> alphas = new LinkedHashMap<>();
            for (int cell = 0; cell < 2; cell++) {
                for (int node = 0; node < 4; node++) {
                    for (int edge = 0; edge < node + 2; edge++) {
                        List<Double> logits = new ArrayList<>();
                        for (int op = 0; op < PRIMITIVES.size(); op++) {
                            double v = 1e-3 * ((op * 7 + edge * 3 + node + cell) % 5) * e;
                            logits.add(v);
                        }
                        if (e == epochs - 1 && cell == 0 && node == 0 && edge == 0) {
                            for (int op = 0; op < PRIMITIVES.size(); op++) {
                                logits.set(op, op == 3 ? Math.log(3) : 0.0);
                            }
                        }
                        alphas.put(
                                "cell" + cell + ".node" + node + ".edge" + edge + ".alphas",
                                logits);
                    }
                }
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("epoch", e);
            line.put("primitives", PRIMITIVES);
            line.put("alphas", alphas);
            sb.append(Json.toLine(line)).append('\n');
        }
        return sb.toString();
    }
}
