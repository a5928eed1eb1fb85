package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.ExperimentDir;
import org.nas4j.core.io.Json;
import org.nas4j.core.result.EvalResult;
import org.nas4j.core.result.ExperimentSummary;
import org.nas4j.core.result.TestResult;

/**
 * trainer.best_metric keeps the best epoch's weights beside the last, and the result, the summary
 * and the console name that epoch; without it nothing changes.
 */
class BestModelTest {
    @Test
    void theBestEpochByValidationTop1IsKeptAndReported(@TempDir Path tmp) throws Exception {
        Path exp = tmp.resolve("exp");
        List<String> args =
                E2e.syntheticEval(
                        exp,
                        "--nas.eval.trainer.epochs",
                        "3",
                        "--nas.eval.loader.max_batches",
                        "4",
                        "--nas.eval.loader.val_ratio",
                        "0.2",
                        "--nas.eval.trainer.best_metric",
                        "val.top1");
        E2e.Run run = E2e.nas(args);
        assertEquals(0, run.exit(), run.both());
        ExperimentDir dir = ExperimentDir.of(exp);
        assertTrue(Files.isRegularFile(dir.eval().bestModel()));
        assertTrue(Files.isRegularFile(dir.eval().modelParams()));
        EvalResult r = EvalResult.load(dir.eval().result());
        assertNotNull(r.best());
        assertEquals("val.top1", r.best().metric());
        assertEquals("max", r.best().mode());

        // the recorded best is the epoch with the highest validation top-1 of metrics.json
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> epochs =
                (List<Map<String, Object>>) Json.readMap(dir.eval().metrics()).get("epochs");
        double best = Double.NEGATIVE_INFINITY;
        int bestEpoch = -1;
        for (Map<String, Object> e : epochs) {
            @SuppressWarnings("unchecked")
            double v = ((Number) ((Map<String, Object>) e.get("val")).get("top1")).doubleValue();
            if (v > best) {
                best = v;
                bestEpoch = ((Number) e.get("epoch")).intValue();
            }
        }
        assertEquals(bestEpoch, r.best().epoch());
        assertEquals(best, r.best().value(), 1e-9);
        assertEquals(r, ExperimentSummary.load(dir.summary()).eval());
        assertTrue(
                run.out().contains("best epoch by val.top1 (max): " + (bestEpoch + 1) + " of 3"),
                run.out());
    }

    @Test
    void testWeightsBestTestsTheBestEpochAndSaysSo(@TempDir Path tmp) throws Exception {
        Path exp = tmp.resolve("exp");
        E2e.Run run =
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
                                exp,
                                E2e.TINY_EVAL,
                                "--nas.eval.trainer.epochs",
                                "2",
                                "--nas.eval.loader.max_batches",
                                "3",
                                "--nas.eval.trainer.best_metric",
                                "train.loss",
                                "--nas.eval.test_weights",
                                "best"));
        assertEquals(0, run.exit(), run.both());
        ExperimentDir dir = ExperimentDir.of(exp);
        EvalResult r = EvalResult.load(dir.eval().result());
        assertEquals("best", r.testedWeights());
        assertEquals("min", r.best().mode());
        TestResult t = TestResult.load(dir.eval().testResult());
        assertEquals("best", t.weights());
        assertEquals(r.best().epoch(), t.epoch());
        assertEquals(r.testTop1(), t.top1());
        assertEquals(
                dir.eval().bestModel(),
                org.nas4j.eval.Evaluater.testedWeightsFile(dir.eval()),
                "predict and export use the weights the test measured");
        assertTrue(run.out().contains("the test above used the best epoch's"), run.out());
    }

    @Test
    void withoutAMetricNoBestFileIsWritten(@TempDir Path tmp) throws Exception {
        Path exp = tmp.resolve("exp");
        E2e.Run run = E2e.nas(E2e.syntheticEval(exp, "--nas.eval.loader.max_batches", "2"));
        assertEquals(0, run.exit(), run.both());
        ExperimentDir dir = ExperimentDir.of(exp);
        assertTrue(Files.notExists(dir.eval().bestModel()));
        assertNull(EvalResult.load(dir.eval().result()).best());
        assertEquals("last", TestResult.load(dir.eval().testResult()).weights());
    }
}
