package org.nas4j.ops.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.net.StepScope;

class MsdLayerTest {

    private static OpDesc layer(int chIn, int width, int inLen, int dilation) {
        return OpDesc.of("msd_layer", new ConvMacroParams(chIn, width), 1, true)
                .withInLen(inLen)
                .withParam("dilation", dilation);
    }

    private static NDList maps(NDManager m, int... channels) {
        NDList in = new NDList();
        for (int c : channels) {
            in.add(m.randomNormal(new Shape(2, c, 9, 9)));
        }
        return in;
    }

    @Test
    void equalsOneDilatedConvolutionOfTheConcatenatedInputsPlusBiasThenRelu() {
        Engine.getInstance().setRandomSeed(3);
        try (NDManager m = NDManager.newBaseManager()) {
            NDList in = maps(m, 3, 1, 1);
            Block op = BlockTests.build(layer(5, 2, 3, 3), m, in);
            NDArray bias = op.getDirectParameters().get("bias").getArray();
            bias.addi(m.create(new float[] {0.25f, -0.5f}).reshape(1, 2, 1, 1));
            NDArray out = op.forward(new ParameterStore(m, false), in, false).head();

            // the reference: one convolution of the concatenation with the concatenated kernels
            NDList kernels = new NDList();
            for (int j = 0; j < 3; j++) {
                kernels.add(
                        op.getChildren()
                                .get(j)
                                .getValue()
                                .getParameters()
                                .get("weight")
                                .getArray());
            }
            NDArray x = NDArrays.concat(in, 1);
            NDArray w = NDArrays.concat(kernels, 1);
            NDArray conv =
                    Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(3, 3), new Shape(3, 3))
                            .head();
            NDArray expected = Activation.relu(conv.add(bias));
            assertEquals(expected.getShape(), out.getShape());
            assertTrue(expected.allClose(out, 1e-5, 1e-5, false), "differs from the reference");
            assertTrue(out.gt(0).any().getBoolean(), "every output was cut by ReLU");
        }
    }

    @Test
    void hasNineWeightsPerInputChannelAndOutputChannelPlusOneBiasPerOutputChannel() {
        try (NDManager m = NDManager.newBaseManager()) {
            Block op = BlockTests.build(layer(7, 3, 4, 1), m, maps(m, 4, 1, 1, 1));
            assertEquals(9L * 7 * 3 + 3, BlockTests.trainableCount(op));
        }
    }

    @Test
    void leavesOneArrayWhateverItsNumberOfInputs() {
        // the per-input terms are closed once summed, so a deep network's layer holds its output,
        // not one array per earlier layer
        int[] left = new int[2];
        int[][] widths = {{2, 1}, {2, 1, 1, 1, 1, 1, 1, 1, 1, 1}};
        for (int k = 0; k < 2; k++) {
            try (NDManager m = NDManager.newBaseManager()) {
                NDList in = maps(m, widths[k]);
                int chIn = java.util.Arrays.stream(widths[k]).sum();
                Block op = BlockTests.build(layer(chIn, 1, widths[k].length, 2), m, in);
                int before = StepScope.liveArrays(m);
                op.forward(new ParameterStore(m, false), in, true);
                left[k] = StepScope.liveArrays(m) - before;
            }
        }
        assertEquals(1, left[0], "arrays left by a layer of 2 inputs");
        assertEquals(1, left[1], "arrays left by a layer of 10 inputs");
    }

    @Test
    void refusesInputsWhoseChannelsDoNotAddUpToChIn() {
        try (NDManager m = NDManager.newBaseManager()) {
            NasException e =
                    assertThrows(
                            NasException.class,
                            () -> BlockTests.build(layer(6, 1, 2, 1), m, maps(m, 4, 1)));
            assertTrue(e.getMessage().contains("ch_in 6"), e.getMessage());
        }
    }
}
