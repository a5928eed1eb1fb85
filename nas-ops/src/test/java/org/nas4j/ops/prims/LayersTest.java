package org.nas4j.ops.prims;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import org.junit.jupiter.api.Test;

class LayersTest {

    @Test
    void batchNormMovesRunningMeanByPyTorchMomentum() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x =
                    m.randomNormal(new Shape(4, 3, 5, 5))
                            .add(m.create(new float[] {1, -2, 3}).reshape(1, 3, 1, 1));
            BatchNorm bn = Layers.bn(false);
            OpTests.init(bn, m, new NDList(x));
            OpTests.forward(bn, m, new NDList(x), true);
            NDArray batchMean = x.transpose(1, 0, 2, 3).reshape(3, -1).mean(new int[] {1});
            NDArray running = null;
            for (var p : bn.getParameters()) {
                if (p.getValue().getType() == Parameter.Type.RUNNING_MEAN) {
                    running = p.getValue().getArray();
                }
            }
            float[] expected = batchMean.mul(0.1f).toFloatArray();
            assertArrayEquals(expected, running.toFloatArray(), 1e-5f);
        }
    }
}
