package org.nas4j.cli.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.NasException;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.conf.AlgoConfs;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.genotype.Genotypes;
import org.nas4j.core.io.AtomicFiles;
import org.nas4j.core.io.Json;
import org.nas4j.eval.GenotypeDescs;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.search.Algorithms;

class ModelExporterTest {

    /**
     * An eval phase as a run leaves it: DARTS_V2 in a small network on the synthetic dataset, BN
     * statistics moved by a few training-mode passes, its test top-1 measured and recorded in
     * summary.json, weights in eval/model.params.
     */
    private static double writeEvaluatedRun(Path exp, boolean train) throws Exception {
        Conf conf =
                Conf.load(
                        AlgoConfs.confPaths("darts", false, "synthetic", null),
                        List.of(
                                "--nas.eval.model_desc.n_cells", "3",
                                "--nas.eval.model_desc.n_reductions", "1",
                                "--nas.eval.model_desc.init_node_ch", "4"));
        Path eval = exp.resolve("eval");
        AtomicFiles.writeString(eval.resolve("config_used.yaml"), conf.toYaml());
        ModelDesc desc =
                GenotypeDescs.build(
                        Genotypes.named("DARTS_V2"), conf.child("nas.eval.model_desc"), "eval");
        DescJson.save(desc, eval.resolve("full_model_desc.json"));
        Map<String, Object> dataset = conf.child("dataset").toMap();
        long seed = conf.getLong("common.seed");
        Engine.getInstance().setRandomSeed(7);
        double top1;
        try (NDManager manager = NDManager.newBaseManager()) {
            ModelBlock block = new ModelBlock(desc, Algorithms.installed().opRegistry());
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 8, 8));
            ParameterStore ps = new ParameterStore(manager, false);
            if (train) {
                train(block, ps, manager, dataset, seed);
            }
            try (NDManager step = manager.newSubManager()) {
                top1 =
                        TestSetAccuracy.top1(
                                step,
                                dataset,
                                seed,
                                x -> block.forward(ps, new NDList(x), false).singletonOrThrow());
            }
            block.saveWeights(eval.resolve("model.params"));
        }
        Json.write(exp.resolve("summary.json"), Map.of("eval", Map.of("test_top1", top1)));
        return top1;
    }

    /**
     * Full-batch SGD steps on the training split, so that the recorded accuracy is well above
     * chance and the BatchNorm running statistics, which the export must carry, have moved.
     */
    private static void train(
            ModelBlock block,
            ParameterStore ps,
            NDManager manager,
            Map<String, Object> dataset,
            long seed) {
        Loss loss = Loss.softmaxCrossEntropyLoss();
        for (int i = 0; i < 12; i++) {
            try (NDManager step = manager.newSubManager()) {
                NDArray x = TestSetAccuracy.images(step, dataset, seed, true).get("0:128");
                NDArray y = TestSetAccuracy.trainLabels(step, dataset, seed).get("0:128");
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray logits = block.forward(ps, new NDList(x), true).singletonOrThrow();
                    gc.backward(loss.evaluate(new NDList(y), new NDList(logits)));
                }
                for (Parameter p : block.weights()) {
                    NDArray g = p.getArray().getGradient();
                    g.attach(step);
                    NDArray update = g.mul(0.1f);
                    update.attach(step);
                    p.getArray().subi(update);
                    g.muli(0);
                }
            }
        }
        // DJL's BatchNorm keeps 90% of its running statistics per pass: let them settle
        for (int i = 0; i < 12; i++) {
            try (NDManager step = manager.newSubManager()) {
                NDArray x = TestSetAccuracy.images(step, dataset, seed, true).get("0:128");
                block.forward(ps, new NDList(x), true);
            }
        }
    }

    @Test
    void exportLoadsInAFreshPlainDjlProcessAndReproducesTheRecordedAccuracy(@TempDir Path dir)
            throws Exception {
        Path exp = dir.resolve("exp");
        double recorded = writeEvaluatedRun(exp, true);
        Path out = dir.resolve("export");
        Map<String, Object> facts = ModelExporter.export(exp, out);
        for (String f :
                List.of("model_desc.json", "nas4j-model-0000.params", "export.json", "README.md")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertEquals(recorded, (Double) facts.get("test_top1"));
        assertTrue(recorded > 0.3, "trained above chance (0.25): " + recorded);
        String readme = Files.readString(out.resolve("README.md"));
        assertTrue(readme.contains("model.load(dir, \"nas4j-model\")"), readme);

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb =
                new ProcessBuilder(
                        java.toString(),
                        "-Dai.djl.offline=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ExportedModelCheck.class.getName(),
                        out.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the fresh JVM did not finish");
        assertEquals(0, p.exitValue(), output);
        Matcher m = Pattern.compile("test_top1=([0-9.Ee-]+)").matcher(output);
        assertTrue(m.find(), output);
        assertEquals(recorded, Double.parseDouble(m.group(1)), 0.0, output);
    }

    /** The README's Java example, with the toy conf's images replaced by the synthetic 8x8 ones. */
    @Test
    void readmeExampleBuildsTheEvalFormAndClassifiesABatch(@TempDir Path dir) throws Exception {
        Path exp = dir.resolve("exp");
        writeEvaluatedRun(exp, false);
        Conf toy = Conf.load(AlgoConfs.confPaths("darts", false, null, null), List.of());
        ModelDesc cells = DescJson.load(exp.resolve("eval/full_model_desc.json"));
        ModelDesc evalForm =
                new ModelDescBuilder().build(toy.child("nas.eval.model_desc"), "eval", cells);
        assertEquals(5, evalForm.cells().size(), "the toy eval network");
        assertEquals(
                Genotypes.named("DARTS_V2"),
                org.nas4j.core.genotype.Genotype.fromDesc(evalForm, "x"));

        ModelDesc trained = DescJson.load(exp.resolve("eval/full_model_desc.json"));
        try (NDManager manager = NDManager.newBaseManager()) {
            ModelBlock net = new ModelBlock(trained, Algorithms.installed().opRegistry());
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 8, 8));
            net.loadWeights(exp.resolve("eval/model.params"));
            NDArray images = manager.randomNormal(new Shape(8, 1, 8, 8));
            NDArray logits =
                    net.forward(new ParameterStore(manager, false), new NDList(images), false)
                            .singletonOrThrow();
            assertEquals(new Shape(8, 4), logits.getShape());
            assertEquals(new Shape(8), logits.argMax(1).getShape());
        }
    }

    @Test
    void experimentWithoutAnEvaluatedNetworkIsAnError(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("exp/search"));
        NasException e =
                assertThrows(
                        NasException.class,
                        () -> ModelExporter.export(dir.resolve("exp"), dir.resolve("out")));
        assertTrue(e.getMessage().contains("full_model_desc.json does not exist"), e.getMessage());
    }
}
