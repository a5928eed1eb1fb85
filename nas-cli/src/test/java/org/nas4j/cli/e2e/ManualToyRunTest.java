package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.algos.manual.ManualDescs;
import org.nas4j.core.ExperimentDir;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.result.EvalResult;
import org.nas4j.core.result.ExperimentSummary;
import org.nas4j.ops.net.ModelStats;
import org.nas4j.search.Algorithms;
import org.nas4j.search.finalize.Finalizers;

/**
 * {@code nas run --algo manual --model NAME} end to end for each shipped model, on the synthetic
 * dataset (1x8x8 images, 4 classes, 128 test images) so that the ResNets train and test in seconds;
 * and a user's model file on real Fashion-MNIST. The ResNet-18 experiment is then shown, exported
 * and reported like a searched one.
 */
class ManualToyRunTest {
    /** Two batches of 16 for one epoch on the synthetic dataset. */
    static final List<String> TINY =
            List.of(
                    "--dataset", "synthetic",
                    "--nas.eval.loader.batch", "16",
                    "--nas.eval.loader.max_batches", "2",
                    "--nas.eval.trainer.epochs", "1",
                    "--common.log_interval", "1000");

    /** Runs the toy experiment of {@code model} into {@code exp} and checks what every run has. */
    private static ModelDesc run(String model, Path exp, List<String> extra, String name) {
        E2e.Run run =
                E2e.nas(
                        E2e.args(
                                "run",
                                "--algo",
                                "manual",
                                "--model",
                                model,
                                "--exp-dir",
                                exp,
                                extra));
        assertEquals(0, run.exit(), run.both());
        assertTrue(run.out().matches("(?s).*search: \\d+ s, 0 epochs.*"), run.out());
        ExperimentDir dir = ExperimentDir.of(exp);
        ModelDesc finalDesc = DescJson.load(dir.search().finalDesc());
        assertEquals(name, finalDesc.params().get(ManualDescs.MODEL_PARAM));
        var registry = Algorithms.installed().opRegistry();
        Finalizers.checkDiscrete(finalDesc, registry);
        ModelDesc full = DescJson.load(dir.eval().fullDesc());
        assertEquals(finalDesc, full, "the eval network is the model itself");
        EvalResult eval = ExperimentSummary.load(dir.summary()).eval();
        assertTrue(eval.epochs() >= 1, "epochs " + eval.epochs());
        assertEquals(ModelStats.paramCount(full, registry), eval.params());
        assertTrue(Files.isRegularFile(dir.eval().testResult()));
        assertTrue(Files.isRegularFile(exp.resolve("report.html")));
        return full;
    }

    @Test
    void resnet18TrainsAndIsShownExportedAndDrawnLikeASearchedNetwork(@TempDir Path tmp)
            throws IOException {
        Path exp = tmp.resolve("exp");
        ModelDesc full = run("resnet18", exp, TINY, "resnet18");
        // 11,172,810 on 1x28x28 with 10 classes; the 4-class head has 508 * 6 = 3,078 fewer
        E2e.Run show = E2e.nas(E2e.args("desc", "show", exp.resolve("eval/full_model_desc.json")));
        assertEquals(0, show.exit(), show.both());
        assertTrue(show.out().contains("11,169,732 parameters"), show.out());
        assertTrue(show.out().contains("n1 = resnet_basic_block(n0)"), show.out());

        Path out = tmp.resolve("export");
        E2e.Run export = E2e.nas(E2e.args("export", "--exp", exp, "-o", out));
        assertEquals(0, export.exit(), export.both());
        assertEquals(full, DescJson.load(out.resolve("model_desc.json")));
        assertTrue(Files.isRegularFile(out.resolve("export.json")));

        String html = Files.readString(exp.resolve("report.html"));
        for (String kind : List.of("normal", "reduce")) {
            int at = html.indexOf("id=\"cell-" + kind + "\"");
            assertTrue(at >= 0, "no drawing of the " + kind + " cell");
            String figure = html.substring(at, html.indexOf("</figure>", at));
            assertTrue(figure.contains("resnet_basic_block"), kind + " drawing lacks its blocks");
        }
    }

    @Test
    void resnet34Trains(@TempDir Path tmp) {
        ModelDesc full = run("resnet34", tmp.resolve("exp"), TINY, "resnet34");
        assertEquals(16, full.cells().stream().mapToInt(c -> c.nodes().size()).sum());
    }

    @Test
    void theMixedScaleDenseNetworkOfDepth100Trains(@TempDir Path tmp) {
        ModelDesc full = run("msd", tmp.resolve("exp"), TINY, "msd");
        assertEquals(111, full.cells().get(0).nodes().size()); // 100 layers, 10 groups, the output
    }

    @Test
    void aUsersModelFileTrainsOnFashionMnist(@TempDir Path tmp) throws IOException {
        Assumptions.assumeTrue(
                Files.isDirectory(E2e.FASHION_MNIST),
                "Fashion-MNIST is not installed in " + E2e.FASHION_MNIST);
        Path file = tmp.resolve("small_net.yaml");
        Files.writeString(
                file,
                "model:\n"
                        + "  name: 'small_net'\n"
                        + "  stem: {op: 'stem_conv3x3_relu', ch: 8}\n"
                        + "  stages:\n"
                        + "    - blocks: [{op: 'resnet_basic_block', repeat: 1}]\n"
                        + "    - blocks: [{op: 'resnet_basic_block', ch: 16, stride: 2}]\n"
                        + "    - output: 'all'\n"
                        + "      blocks:\n"
                        + "        - {op: 'msd_layer', ch: 2, repeat: 3, inputs: 'all',"
                        + " cycle: {dilation: [1, 2]}}\n");
        List<String> tiny =
                List.of(
                        "--nas.eval.loader.batch", "64",
                        "--nas.eval.loader.max_batches", "60",
                        "--nas.eval.trainer.epochs", "2",
                        "--common.log_interval", "1000");
        Path exp = tmp.resolve("exp");
        run(file.toString(), exp, tiny, "small_net");
        double top1 = ExperimentSummary.load(ExperimentDir.of(exp).summary()).eval().testTop1();
        // measured 0.58 (chance is 0.1)
        assertTrue(top1 > 0.35, "test top-1 " + top1 + " is not well above chance (0.1)");
    }
}
