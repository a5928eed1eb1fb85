package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.algos.nasbench101.Nb101ModelDescBuilder;
import org.nas4j.algos.nasbench101.Nb101Spec;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.result.EvalResult;
import org.nas4j.search.Algorithms;
import org.nas4j.search.finalize.Finalizers;

/**
 * {@code nas run --algo nasbench101 --trials 2} (random search over the NAS-Bench-101 space on the
 * trial engine) and {@code nas eval --nb101-spec} on real Fashion-MNIST, at smoke size.
 */
class Nasbench101ToyRunTest {
    /**
     * A network of 3 stacks of one 8-channel cell, 10 batches of 32, one epoch, validated on 3,000
     * images (the trials' and the final evaluation's).
     */
    static final List<String> TINY =
            List.of(
                    "--nas.eval.model_desc.stem_channels", "8",
                    "--nas.eval.model_desc.cells_per_stack", "1",
                    "--nas.eval.loader.batch", "32",
                    "--nas.eval.loader.max_batches", "10",
                    "--nas.eval.loader.val_ratio", "0.05",
                    "--nas.trials.val_ratio", "0.05",
                    "--nas.eval.trainer.epochs", "1",
                    "--common.log_interval", "1000");

    @BeforeEach
    void needsFashionMnist() {
        Assumptions.assumeTrue(
                Files.isDirectory(E2e.FASHION_MNIST),
                "Fashion-MNIST is not installed in " + E2e.FASHION_MNIST);
    }

    @Test
    void randomSearchOverTheSpaceRanksTwoDrawnCellsAndRetrainsTheBest(@TempDir Path tmp) {
        Path exp = tmp.resolve("nb");
        E2e.Run run =
                E2e.nas(
                        E2e.args(
                                "run",
                                "--algo",
                                "nasbench101",
                                "--trials",
                                "2",
                                "--parallel",
                                "1",
                                "--threads-per-trial",
                                "1",
                                "--exp-dir",
                                exp,
                                TINY));
        assertEquals(0, run.exit(), run.both());
        Map<String, Object> s = E2e.readJson(exp.resolve("trial_search.json"));
        assertEquals(2, ((List<?>) s.get("trials")).size());
        for (Object o : (List<?>) s.get("trials")) {
            assertEquals("ok", ((Map<?, ?>) o).get("status"), o.toString());
        }
        assertEquals("ok", s.get("best_status"));
        Path best = exp.resolve("best");
        ModelDesc fin = DescJson.load(best.resolve("search/final_model_desc.json"));
        Finalizers.checkDiscrete(fin, Algorithms.installed().opRegistry());
        Nb101Spec cell = Nb101ModelDescBuilder.specOf(fin);
        assertTrue(cell.vertices() <= 7 && cell.edgeCount() <= 9, cell.toString());
        ModelDesc evaluated = DescJson.load(best.resolve("eval/full_model_desc.json"));
        assertEquals(cell, Nb101ModelDescBuilder.specOf(evaluated));
        EvalResult r = EvalResult.load(best.resolve("eval/result.json"));
        assertEquals(1, r.epochs());
        assertTrue(r.testTop1() > 0.1, "test top-1 " + r.testTop1() + " is not above chance");
        assertTrue(run.out().contains("<- best"), run.out());
    }

    @Test
    void evalOfAGivenSpecTrainsThatCell(@TempDir Path tmp) {
        Path exp = tmp.resolve("one");
        String spec =
                "{matrix: [[0,1,1,0],[0,0,0,1],[0,0,0,1],[0,0,0,0]],"
                        + " ops: [input, conv3x3-bn-relu, maxpool3x3, output]}";
        E2e.Run run =
                E2e.nas(
                        E2e.args(
                                "eval",
                                "--algo",
                                "nasbench101",
                                "--nb101-spec",
                                spec,
                                "--exp-dir",
                                exp,
                                TINY));
        assertEquals(0, run.exit(), run.both());
        assertTrue(run.out().contains("test accuracy: top-1"), run.out());
        ModelDesc evaluated = DescJson.load(exp.resolve("eval/full_model_desc.json"));
        assertEquals(
                Nb101Spec.parse(
                        "[[0,1,1,0],[0,0,0,1],[0,0,0,1],[0,0,0,0]]",
                        "[input,conv3x3-bn-relu,maxpool3x3,output]"),
                Nb101ModelDescBuilder.specOf(evaluated));
        assertTrue(Files.isRegularFile(exp.resolve("eval/result.json")));
        E2e.Run wrong =
                E2e.nas(
                        E2e.args(
                                "eval",
                                "--algo",
                                "random",
                                "--nb101-spec",
                                spec,
                                "--exp-dir",
                                exp));
        assertEquals(1, wrong.exit(), wrong.both());
        assertTrue(wrong.err().contains("needs --algo nasbench101"), wrong.err());
    }

    /**
     * One step of the --full protocol (augmentation, batch statistics with momentum 0.997, the
     * benchmark's optimizer), the network shrunk in width and depth only; EvalProtocolStepTest
     * covers the DARTS-style confs.
     */
    @Test
    void oneStepOfTheFullEvalProtocolTrains(@TempDir Path tmp) {
        Path exp = tmp.resolve("full");
        E2e.Run run =
                E2e.nas(
                        E2e.args(
                                "eval",
                                "--algo",
                                "nasbench101",
                                "--full",
                                "--nb101-spec",
                                "{matrix: [[0,1,1],[0,0,1],[0,0,0]], ops: [input, conv1x1-bn-relu,"
                                        + " output]}",
                                "--exp-dir",
                                exp,
                                "--nas.eval.model_desc.stem_channels",
                                "4",
                                "--nas.eval.model_desc.cells_per_stack",
                                "1",
                                "--nas.eval.loader.batch",
                                "8",
                                "--nas.eval.loader.max_batches",
                                "1",
                                "--nas.eval.trainer.epochs",
                                "1",
                                "--common.log_interval",
                                "1000"));
        assertEquals(0, run.exit(), run.both());
        assertTrue(Files.isRegularFile(exp.resolve("eval/result.json")), run.both());
    }
}
