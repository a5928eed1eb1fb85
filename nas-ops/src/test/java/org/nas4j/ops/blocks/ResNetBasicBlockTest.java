package org.nas4j.ops.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.OpDesc;

class ResNetBasicBlockTest {

    private static OpDesc block(int chIn, int chOut, int stride) {
        return OpDesc.of("resnet_basic_block", new ConvMacroParams(chIn, chOut), stride, true);
    }

    @Test
    void countsTheWeightsOfTheCifarResNetBlocks() {
        try (NDManager m = NDManager.newBaseManager()) {
            // identity shortcut: 2 convs 3x3 64->64 (36,864 each) and 2 BN (128 each)
            Block same =
                    BlockTests.build(
                            block(64, 64, 1), m, new NDList(m.zeros(new Shape(1, 64, 8, 8))));
            assertEquals(2 * 36_864 + 2 * 128, BlockTests.trainableCount(same));
            // projection: 3x3 64->128 (73,728), 3x3 128->128 (147,456), 1x1 64->128 (8,192), 3 BN
            Block down =
                    BlockTests.build(
                            block(64, 128, 2), m, new NDList(m.zeros(new Shape(1, 64, 8, 8))));
            assertEquals(73_728 + 147_456 + 8_192 + 3 * 256, BlockTests.trainableCount(down));
        }
    }

    @Test
    void withAZeroResidualBranchTheIdentityBlockIsTheReluOfItsInput() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(2, 4, 6, 6));
            Block op = BlockTests.build(block(4, 4, 1), m, new NDList(x));
            for (var p : op.getParameters()) {
                if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                    p.getValue().getArray().muli(0);
                }
            }
            // inference BN of zeros with fresh running statistics (mean 0, var 1) stays zero
            NDArray out = op.forward(new ParameterStore(m, false), new NDList(x), false).head();
            assertTrue(Activation.relu(x).allClose(out, 1e-6, 1e-6, false));
        }
    }
}
