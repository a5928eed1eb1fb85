package org.nas4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class ScalarsTest {
    @Test
    void aScaledLossKeepsItsGradientThroughAGarbageCollectionBeforeTheBackward() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1f, 2f, 3f});
            w.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = Scalars.times(w.mul(w).sum(), 0.4);
                for (int i = 0; i < 3; i++) {
                    System.gc(); // frees a Number operand's direct buffer, not this scalar
                }
                gc.backward(loss);
            }
            // d(0.4 * sum w^2)/dw = 0.8 w
            assertArrayEquals(
                    new float[] {0.8f, 1.6f, 2.4f}, w.getGradient().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void timesOneIsTheArrayItself() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(2f);
            assertSame(x, Scalars.times(x, 1.0));
        }
    }
}
