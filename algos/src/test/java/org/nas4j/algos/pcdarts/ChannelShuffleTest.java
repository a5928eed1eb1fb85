package org.nas4j.algos.pcdarts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.nas4j.core.NasException;

class ChannelShuffleTest {
    @Test
    void shuffleMatchesTheHandMadePermutation() {
        try (NDManager m = NDManager.newBaseManager()) {
            // 2 samples, 8 channels of 2x3 pixels; every value names (sample, channel, pixel).
            NDArray x = m.arange(2 * 8 * 6).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
            x = x.reshape(new Shape(2, 8, 2, 3));
            float[] in = x.toFloatArray();
            float[] out = ChannelShuffle.shuffle(x, 4).toFloatArray();
            // groups 4, 2 channels per group: output channel i*4+g is input channel g*2+i,
            // so the order of input channels is 0 2 4 6 1 3 5 7.
            int[] source = {0, 2, 4, 6, 1, 3, 5, 7};
            float[] expected = new float[in.length];
            for (int n = 0; n < 2; n++) {
                for (int c = 0; c < 8; c++) {
                    System.arraycopy(in, (n * 8 + source[c]) * 6, expected, (n * 8 + c) * 6, 6);
                }
            }
            assertArrayEquals(expected, out);
        }
    }

    @Test
    void oneGroupIsTheIdentityAndUnevenGroupsAreRefused() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(1, 6, 2, 2));
            assertSame(x, ChannelShuffle.shuffle(x, 1));
            assertThrows(NasException.class, () -> ChannelShuffle.shuffle(x, 4));
        }
    }
}
