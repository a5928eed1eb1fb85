package org.nas4j.ops.prims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import org.junit.jupiter.api.Test;

class TorchDefaultInitializerTest {

    private static NDArray param(Block block, Parameter.Type type) {
        for (var p : block.getParameters()) {
            if (p.getValue().getType() == type) {
                return p.getValue().getArray();
            }
        }
        throw new AssertionError("no parameter of type " + type);
    }

    private static void assertUniform(NDArray a, long fanIn) {
        double bound = 1.0 / Math.sqrt(fanIn);
        assertTrue(a.abs().max().getFloat() <= bound + 1e-7, "within the bound");
        double mean = a.mean().getFloat();
        double std = Math.sqrt(a.sub(mean).square().mean().getFloat());
        double expected = 1.0 / Math.sqrt(3.0 * fanIn);
        assertEquals(expected, std, 0.05 * expected, "std of U(-b, b) is b/sqrt(3)");
    }

    @Test
    void convWeightsAreUniformWithinOneOverSqrtFanIn() {
        Engine.getInstance().setRandomSeed(3);
        try (NDManager m = NDManager.newBaseManager()) {
            Conv2d conv = Layers.conv(32, 3, 1);
            OpTests.init(conv, m, OpTests.randn(m, new Shape(2, 16, 8, 8)));
            NDArray w = param(conv, Parameter.Type.WEIGHT);
            assertEquals(new Shape(32, 16, 3, 3), w.getShape());
            assertUniform(w, 16 * 9);
        }
    }

    @Test
    void depthwiseFanInCountsOneInputChannel() {
        Engine.getInstance().setRandomSeed(3);
        try (NDManager m = NDManager.newBaseManager()) {
            Conv2d conv = Layers.depthwise(512, 5, 1, 1);
            OpTests.init(conv, m, OpTests.randn(m, new Shape(1, 512, 6, 6)));
            assertUniform(param(conv, Parameter.Type.WEIGHT), 25);
        }
    }

    @Test
    void linearWeightAndBiasFollowNnLinear() {
        Engine.getInstance().setRandomSeed(3);
        try (NDManager m = NDManager.newBaseManager()) {
            LinearOp linear = new LinearOp(2000);
            NDList in = OpTests.randn(m, new Shape(2, 36, 1, 1));
            OpTests.init(linear, m, in);
            assertUniform(param(linear, Parameter.Type.WEIGHT), 36);
            assertUniform(param(linear, Parameter.Type.BIAS), 36);
        }
    }
}
