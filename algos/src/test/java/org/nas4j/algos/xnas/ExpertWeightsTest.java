package org.nas4j.algos.xnas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExpertWeightsTest {
    @Test
    void etaIsTheRegretBoundRate() {
        // K = 8, T = 100, G = 1: sqrt(2 ln 8 / 100) = 0.20393...
        assertEquals(Math.sqrt(2 * Math.log(8) / 100), ExpertWeights.eta(8, 100, 1.0), 1e-15);
        assertEquals(0.203933, ExpertWeights.eta(8, 100, 1.0), 1e-6);
        // G = 2 halves it
        assertEquals(0.203933 / 2, ExpertWeights.eta(8, 100, 2.0), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> ExpertWeights.eta(8, 0, 1.0));
    }

    @Test
    void rewardsAreNegatedGradientsClampedToTheBound() {
        double[] r = ExpertWeights.rewards(new float[] {0.5f, -0.25f, 3f, -7f, 0f}, 1.0);
        assertArrayEquals(new double[] {-0.5, 0.25, -1.0, 1.0, 0.0}, r, 1e-12);
    }

    @Test
    void updateMultipliesEachLiveExpertByExpOfEtaTimesReward() {
        double[] logA = {0, 0, Math.log(2)};
        boolean[] wiped = {false, true, false};
        ExpertWeights.update(logA, wiped, new double[] {0.5, 1.0, -1.0}, 0.1);
        // a = (1 * e^0.05, 1 (wiped: unchanged), 2 * e^-0.1)
        assertArrayEquals(new double[] {0.05, 0.0, Math.log(2) - 0.1}, logA, 1e-12);
        double[] w = ExpertWeights.normalized(logA, wiped, false);
        double a0 = Math.exp(0.05);
        double a2 = 2 * Math.exp(-0.1);
        assertArrayEquals(new double[] {a0 / (a0 + a2), 0.0, a2 / (a0 + a2)}, w, 1e-12);
        double[] kept = ExpertWeights.normalized(logA, wiped, true);
        assertEquals(1.0 / (a0 + 1 + a2), kept[1], 1e-12);
    }

    @Test
    void wipeOutRemovesExpertsThatCanNoLongerCatchUp() {
        // eta = 0.1, G = 1, T = 10, t = 8: threshold = max - 2 * 0.1 * 1 * 2 = max - 0.4
        double[] logA = {0.0, -0.39, -0.41, -5.0};
        boolean[] wiped = {false, false, false, true};
        assertEquals(1, ExpertWeights.wipeOut(logA, wiped, 0.1, 1.0, 8, 10));
        assertArrayEquals(new boolean[] {false, false, true, true}, wiped);
        // at the last update only the strongest survives
        assertEquals(1, ExpertWeights.wipeOut(logA, wiped, 0.1, 1.0, 10, 10));
        assertArrayEquals(new boolean[] {false, true, true, true}, wiped);
        // the strongest is never wiped, even when far ahead of the others
        assertEquals(0, ExpertWeights.wipeOut(logA, wiped, 0.1, 1.0, 10, 10));
    }

    @Test
    void normalizedIsStableForLargeLogWeights() {
        double[] w = ExpertWeights.normalized(new double[] {1000, 1000}, new boolean[2], false);
        assertArrayEquals(new double[] {0.5, 0.5}, w, 1e-12);
    }
}
