package org.nas4j.algos.pcdarts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.nas4j.core.NasException;

/**
 * The channel shuffle of ShuffleNet, as PC-DARTS applies it after concatenating an edge's processed
 * and bypassed channels: {@code [N, C, H, W]} viewed as {@code [N, g, C/g, H, W]}, groups and
 * channels swapped, flattened back. Output channel {@code i * g + j} is input channel {@code j *
 * (C/g) + i}.
 */
public final class ChannelShuffle {
    private ChannelShuffle() {}

    /**
     * Shuffles the channels of {@code x} ({@code [N, C, H, W]}) in {@code groups} groups.
     *
     * @throws NasException if {@code C} is not a multiple of {@code groups}
     */
    public static NDArray shuffle(NDArray x, int groups) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        if (groups < 1 || c % groups != 0) {
            throw new NasException(
                    "A channel shuffle of "
                            + c
                            + " channels in "
                            + groups
                            + " groups needs the channels to be a multiple of the groups.");
        }
        if (groups == 1) {
            return x;
        }
        return x.reshape(n, groups, c / groups, s.get(2), s.get(3))
                .transpose(0, 2, 1, 3, 4)
                .reshape(s);
    }
}
