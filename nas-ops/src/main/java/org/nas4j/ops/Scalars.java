package org.nas4j.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Scalars that may sit on a gradient path. DJL's PyTorch engine turns a {@code Number} operand
 * ({@code x.mul(0.4)}, {@code x.div(tau)}) into a tensor backed by a Java direct buffer and closes
 * it at once; libtorch's backward of that product still reads it, so a garbage collection between
 * the forward and the backward pass frees it and the gradients are garbage (measured: NaN logit
 * gradients in gs, 1.16e308 for 0.114). A scalar made here is a clone in libtorch's own memory,
 * kept alive by the graph as long as the backward needs it.
 */
public final class Scalars {
    private Scalars() {}

    /** {@code value} as a 0-dim array of {@code like}'s type in {@code manager}, libtorch-owned. */
    public static NDArray of(NDManager manager, NDArray like, double value) {
        return manager.create(value).toType(like.getDataType(), false).duplicate();
    }

    /** {@code x * s} with the scalar owned by libtorch ({@code x} itself when {@code s == 1}). */
    public static NDArray times(NDArray x, double s) {
        return s == 1.0 ? x : x.mul(of(x.getManager(), x, s));
    }
}
