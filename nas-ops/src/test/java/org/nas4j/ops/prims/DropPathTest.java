package org.nas4j.ops.prims;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.nas4j.core.NasException;

class DropPathTest {

    @Test
    void trainingDropsWholeSamplesAndScalesTheKeptOnes() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            NDArray x = m.ones(new Shape(64, 2, 3, 3));
            DropPath dp = new DropPath(0.25f);
            float[] out = OpTests.forward(dp, m, new NDList(x), true).toFloatArray();
            int kept = 0;
            for (int n = 0; n < 64; n++) {
                float v = out[n * 18];
                for (int i = 0; i < 18; i++) {
                    assertEquals(v, out[n * 18 + i], "one factor per sample");
                }
                assertTrue(v == 0f || Math.abs(v - 1f / 0.75f) < 1e-6f, "0 or 1/keep: " + v);
                kept += v == 0f ? 0 : 1;
            }
            assertTrue(kept > 32 && kept < 64, "about three quarters kept: " + kept);
        }
    }

    @Test
    void sameSeedGivesSameMask() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.ones(new Shape(16, 1, 1, 1));
            Engine.getInstance().setRandomSeed(9);
            float[] a = DropPath.apply(x, 0.5f).toFloatArray();
            Engine.getInstance().setRandomSeed(9);
            float[] b = DropPath.apply(x, 0.5f).toFloatArray();
            assertArrayEquals(a, b);
        }
    }

    @Test
    void inferenceAndZeroProbabilityLeaveTheInput() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(4, 2, 3, 3));
            DropPath dp = new DropPath(0.5f);
            assertEquals(x, OpTests.forward(dp, m, new NDList(x), false));
            dp.setDropProb(0f);
            assertEquals(x, OpTests.forward(dp, m, new NDList(x), true));
        }
    }

    @Test
    void probabilityOutsideRangeIsRefused() {
        assertThrows(NasException.class, () -> new DropPath(1f));
        assertThrows(NasException.class, () -> new DropPath(-0.1f));
    }

    @Test
    void neverAppliesToSkipIdentityOrNone() {
        assertFalse(DropPath.appliesTo("skip_connect"));
        assertFalse(DropPath.appliesTo("identity"));
        assertFalse(DropPath.appliesTo("none"));
        assertTrue(DropPath.appliesTo("sep_conv_3x3"));
    }
}
