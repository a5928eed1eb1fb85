package org.nas4j.ops.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.OpDesc;

class UnusedTest {
    @Test
    void givesZerosOfTheOutputChannelsAtTheStrideLikeNone() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(2, 3, 7, 7));
            OpDesc d = OpDesc.of("unused", new ConvMacroParams(3, 8), 2, true);
            Block op = BlockTests.build(d, m, new NDList(x));
            NDArray out = op.forward(new ParameterStore(m, false), new NDList(x), true).head();
            assertEquals(new Shape(2, 8, 4, 4), out.getShape());
            assertEquals(0f, out.abs().sum().getFloat());
            assertEquals(0, BlockTests.trainableCount(op));
        }
    }
}
