package org.nas4j.ops.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import org.junit.jupiter.api.Test;

class MemoryEstimateTest {
    /** conv 1->4 ch 3x3 pad 1 on 8x8, BN, ReLU: three leaf outputs of 4x8x8 per sample. */
    @Test
    void leafOutputsAreCountedPerSample() {
        SequentialBlock net =
                new SequentialBlock()
                        .add(
                                Conv2d.builder()
                                        .setKernelShape(new Shape(3, 3))
                                        .optPadding(new Shape(1, 1))
                                        .setFilters(4)
                                        .build())
                        .add(BatchNorm.builder().build())
                        .add(Activation.reluBlock());
        try (NDManager m = NDManager.newBaseManager()) {
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 8, 8));
            assertEquals(3L * 4 * 8 * 8, MemoryEstimate.leafOutputElements(net));
        }
    }

    @Test
    void theLineSaysWhatToChangeOnlyWhenThePeakExceedsWhatIsAvailable() {
        MemoryEstimate e = new MemoryEstimate(8L << 20, 16L << 20, 3L << 30);
        String fits = e.describe(64, 64L << 30, "nas.search.loader");
        assertTrue(fits.startsWith("memory estimate: 3.4 GB peak"), fits);
        assertTrue(fits.contains("activations 3.0 GB at 64 samples per pass"), fits);
        assertFalse(fits.contains("lower"), fits);
        String tight = e.describe(64, 2L << 30, "nas.search.loader");
        assertTrue(
                tight.contains(
                        "lower nas.search.loader.batch or raise nas.search.trainer.batch_chunks"),
                tight);
    }

    @Test
    void activationsScaleWithTheSamplesOfOnePass() {
        SequentialBlock net = new SequentialBlock().add(Activation.reluBlock());
        try (NDManager m = NDManager.newBaseManager()) {
            net.initialize(m, DataType.FLOAT32, new Shape(1, 2, 4, 4));
            MemoryEstimate whole = MemoryEstimate.of(net, 64, 1, 1);
            MemoryEstimate halves = MemoryEstimate.of(net, 64, 2, 1);
            assertEquals(whole.activationBytes(), 2 * halves.activationBytes());
        }
    }
}
