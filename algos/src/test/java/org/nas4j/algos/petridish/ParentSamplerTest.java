package org.nas4j.algos.petridish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParentSamplerTest {
    @Test
    void candidatesAreNearTheHullAndBelowTheCapBySize() {
        // HullTest.POINTS: near(0.025) = a b d e f; f (9 macs) is at the cap
        ParentSampler s = new ParentSampler(0.025, 9);
        assertEquals(List.of(0, 1, 3, 4), s.candidates(HullTest.POINTS));
    }

    @Test
    void smallerModelsAreDrawnMoreOftenInProportionToOneOverOnePlusRank() {
        List<double[]> pts =
                List.of(new double[] {3, 0.2}, new double[] {1, 0.4}, new double[] {2, 0.3});
        ParentSampler s = new ParentSampler(0.0, 1e9);
        int[] counts = new int[3];
        Random rng = new Random(7);
        int n = 60_000;
        for (int k = 0; k < n; k++) {
            counts[s.sample(pts, new int[3], 1, rng).get(0)]++;
        }
        // ranks by size: model 1 -> 0, model 2 -> 1, model 0 -> 2; weights 1, 1/2, 1/3
        assertEquals(6.0 / 11, counts[1] / (double) n, 0.01);
        assertEquals(3.0 / 11, counts[2] / (double) n, 0.01);
        assertEquals(2.0 / 11, counts[0] / (double) n, 0.01);
    }

    @Test
    void modelsChosenOftenAreDrawnLessAndEveryDrawCounts() {
        List<double[]> pts = List.of(new double[] {1, 0.4}, new double[] {2, 0.3});
        ParentSampler s = new ParentSampler(0.0, 1e9);
        // weights: model 0: 1 / (1 + 3) / 1 = 0.25; model 1: 1 / (1 + 0) / 2 = 0.5
        int[] counts = new int[2];
        Random rng = new Random(3);
        int n = 30_000;
        for (int k = 0; k < n; k++) {
            counts[s.sample(pts, new int[] {3, 0}, 1, rng).get(0)]++;
        }
        assertEquals(1.0 / 3, counts[0] / (double) n, 0.01);
        int[] chosen = new int[2];
        s.sample(pts, chosen, 1, new Random(1));
        assertEquals(1, chosen[0] + chosen[1]);
    }

    @Test
    void aRoundDrawsDistinctParentsWhileThereAreEnough() {
        ParentSampler s = new ParentSampler(0.025, 1e9);
        int[] chosen = new int[HullTest.POINTS.size()];
        List<Integer> round = s.sample(HullTest.POINTS, chosen, 5, new Random(11));
        assertEquals(5, new HashSet<>(round).size(), round.toString());
        List<Integer> more = s.sample(HullTest.POINTS, chosen, 7, new Random(12));
        assertEquals(7, more.size()); // five candidates: two are drawn twice
        assertTrue(
                s.sample(List.of(new double[] {5, 0.1}), new int[1], 2, new Random(1)).size() == 2);
        assertTrue(
                new ParentSampler(0.0, 1)
                        .sample(HullTest.POINTS, chosen, 3, new Random(1))
                        .isEmpty());
    }
}
