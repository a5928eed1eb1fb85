package org.nas4j.ops.prims;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.OpDesc;

class PoolOpTest {

    private static NDArray pool(NDManager m, PoolOp.Kind kind, int stride, NDArray x) {
        OpDesc d = OpDesc.of("avg_pool_3x3", ConvMacroParams.of(1), stride, false);
        return OpTests.forward(PoolOp.of(kind, d), m, new NDList(x), false);
    }

    @Test
    void averageExcludesPaddingLikeCountIncludePadFalse() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(1f, 10f).reshape(1, 1, 3, 3);
            float[] out = pool(m, PoolOp.Kind.AVG, 1, x).toFloatArray();
            // Corner: mean(1, 2, 4, 5); edge: mean(1..6); centre: mean(1..9).
            float[] expected = {3f, 3.5f, 4f, 4.5f, 5f, 5.5f, 6f, 6.5f, 7f};
            assertArrayEquals(expected, out, 1e-6f);
            float[] strided = pool(m, PoolOp.Kind.AVG, 2, x).toFloatArray();
            assertArrayEquals(new float[] {3f, 4f, 6f, 7f}, strided, 1e-6f);
        }
    }

    @Test
    void averageOfConstantStaysConstantAtTheBorder() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray out = pool(m, PoolOp.Kind.AVG, 2, m.full(new Shape(2, 3, 7, 7), 2.5f));
            assertEquals(new Shape(2, 3, 4, 4), out.getShape());
            assertTrue(out.sub(2.5f).abs().max().getFloat() < 1e-6f);
        }
    }

    @Test
    void maxPoolTakesTheWindowMaximum() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(1f, 10f).reshape(1, 1, 3, 3).neg();
            float[] out = pool(m, PoolOp.Kind.MAX, 2, x).toFloatArray();
            assertArrayEquals(new float[] {-1f, -2f, -4f, -5f}, out, 0f);
        }
    }
}
