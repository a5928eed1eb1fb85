package org.nas4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nas4j.train.optim.NamedParams;

class TesterTest {
    @Test
    void crossEntropyWithLabelSmoothingMatchesHandComputation() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits =
                    m.create(new float[] {1, 2, 3, 0, 0, 0}, new ai.djl.ndarray.types.Shape(2, 3));
            NDArray labels = m.create(new int[] {2, 0});
            double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
            double[] lp0 = {1 - lse, 2 - lse, 3 - lse};
            double lp1 = -Math.log(3);
            double s = 0.1;
            double l0 = -((1 - s) * lp0[2] + s / 3 * (lp0[0] + lp0[1] + lp0[2]));
            double l1 = -lp1;
            assertEquals((l0 + l1) / 2, Losses.crossEntropy(logits, labels, s).getFloat(), 1e-6);
            assertEquals(
                    (-lp0[2] - lp1) / 2, Losses.crossEntropy(logits, labels, 0).getFloat(), 1e-6);
        }
    }

    @Test
    void topKCountsLabelsAmongTheHighestScores() {
        float[] scores = {0.1f, 0.9f, 0.5f, 0.3f, 0.2f, 0.1f};
        long[] c = Losses.topKCorrect(scores, new int[] {1, 2}, 2, 3);
        assertEquals(1, c[0]);
        assertEquals(2, c[1]);
    }

    @Test
    void constantLogitsScoreOnlyTheFirstClassNotEveryLabel() {
        // A collapsed network: every class gets the same score. torch.topk breaks ties by lower
        // index, so only labels 0 (top-1) and 0..4 (top-5) count; before, all 10 counted.
        int k = 10;
        float[] scores = new float[k * k];
        int[] labels = new int[k];
        for (int i = 0; i < k; i++) {
            labels[i] = i;
        }
        long[] c = Losses.topKCorrect(scores, labels, k, k);
        assertEquals(1, c[0]);
        assertEquals(5, c[1]);
        assertEquals(0, c[2]);
    }

    @Test
    void tiesRankTheLowerClassIndexFirst() {
        // label 2 ties with class 1 for the top score: class 1 wins the tie, so top-1 is wrong;
        // label 0 ties with class 2: class 0 wins, so top-1 is right
        float[] scores = {0.1f, 0.7f, 0.7f, 0.5f, 0.2f, 0.5f};
        long[] c = Losses.topKCorrect(scores, new int[] {2, 0}, 2, 3);
        assertEquals(1, c[0]);
        assertEquals(2, c[1]);
    }

    @Test
    void nanScoresAreNeverCorrectAndAreCounted() {
        float nan = Float.NaN;
        // row 0: the label's score is NaN; row 1: another class is NaN and outranks the label,
        // as NaN sorts first in torch.topk; row 2: no NaN, label on top
        float[] scores = {nan, nan, nan, 0.9f, nan, 0.1f, 0.1f, 0.9f, 0.3f};
        long[] c = Losses.topKCorrect(scores, new int[] {0, 0, 1}, 3, 3);
        assertEquals(1, c[0]);
        assertEquals(2, c[1]); // row 1: label second after the NaN; row 2
        assertEquals(2, c[2]);
    }

    @Test
    void testingLeavesBatchNormStatisticsAlone() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            Block b = TinyData.convNet(m, true, true);
            List<float[]> before = new ArrayList<>();
            for (Parameter p : NamedParams.of(b).list()) {
                before.add(p.getArray().toFloatArray());
            }
            SplitMetrics r = new Tester(b, Device.cpu(), 0).test(new TinyData.Stream(48, 16, 2), 0);
            assertEquals(48, r.count());
            assertEquals(1.0, r.top5(), 1e-9);
            List<Parameter> after = NamedParams.of(b).list();
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i), after.get(i).getArray().toFloatArray(), 0f);
            }
            // same batches, same weights: same result
            SplitMetrics again =
                    new Tester(b, Device.cpu(), 0).test(new TinyData.Stream(48, 16, 2), 0);
            assertEquals(r, again);
        }
    }
}
