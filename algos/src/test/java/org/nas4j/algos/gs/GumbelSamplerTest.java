package org.nas4j.algos.gs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GumbelSamplerTest {
    private static final double[] LOGITS = {0.3, -1.2, 0.8, 0.1, 2.0};
    private static final double[] NOISE = {
        0.5, -0.3, 1.1, 0.2, -0.7, //
        -0.1, 0.9, 0.0, 1.4, 0.3, //
        2.0, -1.0, 0.4, 0.6, 0.1
    };
    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private NDArray logits() {
        return manager.create(LOGITS);
    }

    private GumbelSampler.Noise fixedNoise() {
        return (m, shape) -> {
            double[] g = new double[(int) shape.size()];
            System.arraycopy(NOISE, 0, g, 0, g.length);
            return m.create(g, shape);
        };
    }

    /** The softmax of {@code (logits + noise row r) / tau}, in double. */
    private static double[] softRow(int r, double tau) {
        int n = LOGITS.length;
        double[] z = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            z[k] = (LOGITS[k] + NOISE[r * n + k]) / tau;
            max = Math.max(max, z[k]);
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            z[k] = Math.exp(z[k] - max);
            sum += z[k];
        }
        for (int k = 0; k < n; k++) {
            z[k] /= sum;
        }
        return z;
    }

    @Test
    void softSampleFromDjlNoiseSumsToOneAndIsReproducible() {
        Engine.getInstance().setRandomSeed(7);
        double[] a =
                GumbelSampler.sample(logits(), 1.0, 1, false, GumbelSampler.DJL_NOISE, manager)
                        .toDoubleArray();
        Engine.getInstance().setRandomSeed(7);
        double[] b =
                GumbelSampler.sample(logits(), 1.0, 1, false, GumbelSampler.DJL_NOISE, manager)
                        .toDoubleArray();
        double sum = 0;
        for (double v : a) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-9);
        assertArrayEquals(a, b, 0.0);
    }

    @Test
    void averageOfNumSampleDrawsMatchesTheHandComputedMean() {
        double tau = 0.7;
        double[] got =
                GumbelSampler.sample(logits(), tau, 3, false, fixedNoise(), manager)
                        .toDoubleArray();
        double[] want = new double[LOGITS.length];
        for (int r = 0; r < 3; r++) {
            double[] s = softRow(r, tau);
            for (int k = 0; k < want.length; k++) {
                want[k] += s[k] / 3;
            }
        }
        assertArrayEquals(want, got, 1e-12);
    }

    @Test
    void hardSampleIsOneHotForwardWithTheSoftSamplesGradient() {
        double tau = 2.0;
        double[] c = {1.0, -2.0, 0.5, 3.0, -1.0};
        double[][] grads = new double[2][];
        for (int hard = 0; hard < 2; hard++) {
            NDArray a = logits();
            a.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = GumbelSampler.sample(a, tau, 1, hard == 1, fixedNoise(), manager);
                if (hard == 1) {
                    double[] soft = softRow(0, tau);
                    int best = 0;
                    for (int k = 1; k < soft.length; k++) {
                        best = soft[k] > soft[best] ? k : best;
                    }
                    double[] oneHot = new double[soft.length];
                    oneHot[best] = 1;
                    assertArrayEquals(oneHot, y.toDoubleArray(), 1e-12);
                }
                gc.backward(y.mul(manager.create(c)).sum());
            }
            grads[hard] = a.getGradient().toDoubleArray();
        }
        // d/da sum(c * softmax((a + g) / tau)) = s * (c - <c, s>) / tau
        double[] s = softRow(0, tau);
        double cs = 0;
        for (int k = 0; k < s.length; k++) {
            cs += c[k] * s[k];
        }
        double[] want = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            want[k] = s[k] * (c[k] - cs) / tau;
        }
        assertArrayEquals(want, grads[0], 1e-12, "soft");
        assertArrayEquals(want, grads[1], 1e-12, "hard (straight-through)");
    }

    /**
     * Regression: {@code div(tau)} wrapped tau in a Java-backed scalar that DJL closed at once
     * while the backward pass still read it; a collection in between gave NaN logit gradients.
     */
    @Test
    void theLogitGradientSurvivesAGarbageCollectionBeforeTheBackwardPass()
            throws InterruptedException {
        double tau = 0.7;
        double[] c = {1.0, -2.0, 0.5, 3.0, -1.0};
        NDArray a = logits();
        a.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = GumbelSampler.sample(a, tau, 1, false, fixedNoise(), manager);
            NDArray loss = y.mul(manager.create(c)).sum();
            System.gc();
            Thread.sleep(100);
            for (int i = 0; i < 64; i++) {
                manager.create(Double.NaN); // reuse freed scalar memory, if any
            }
            gc.backward(loss);
        }
        double[] s = softRow(0, tau);
        double cs = 0;
        for (int k = 0; k < s.length; k++) {
            cs += c[k] * s[k];
        }
        double[] want = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            want[k] = s[k] * (c[k] - cs) / tau;
        }
        assertArrayEquals(want, a.getGradient().toDoubleArray(), 1e-12);
    }

    @Test
    void noiseFreeSampleIsTheTemperedSoftmax() {
        double[] got = GumbelSampler.sample(logits(), 0.5, 4, false, null, manager).toDoubleArray();
        double[] z = new double[LOGITS.length];
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            z[k] = Math.exp(LOGITS[k] / 0.5);
            sum += z[k];
        }
        for (int k = 0; k < z.length; k++) {
            z[k] /= sum;
        }
        assertArrayEquals(z, got, 1e-12);
        assertEquals(new Shape(5), manager.create(got).getShape());
        assertEquals(DataType.FLOAT64, logits().getDataType());
    }
}
