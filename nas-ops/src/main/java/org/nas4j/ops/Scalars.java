package org.nas4j.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Scalars as tensors, for the operations of every step. DJL's PyTorch engine turns a {@code Number}
 * operand ({@code x.mul(0.4)}, {@code x.div(tau)}) into a tensor backed by a Java direct buffer and
 * closes it at once:
 *
 * <ul>
 *   <li>libtorch's backward of that product still reads it, so a garbage collection between the
 *       forward and the backward pass frees it and the gradients are garbage (measured: NaN logit
 *       gradients in gs, 1.16e308 for 0.114);
 *   <li>on a GPU the buffer is copied to the device, and libtorch waits for that copy from pageable
 *       memory: the host stops until the GPU has finished all the work queued before it, once per
 *       number (a thousand times per DARTS evaluation step before the optimizers stopped).
 * </ul>
 *
 * A scalar made here is filled on the array's device by libtorch ({@code torch.full}): its memory
 * is libtorch's, kept alive by the graph as long as the backward needs it, and no copy is made.
 */
public final class Scalars {
    private Scalars() {}

    /**
     * {@code value} as a 0-dim array of {@code like}'s type on {@code like}'s device, in {@code
     * manager}, libtorch-owned.
     */
    public static NDArray of(NDManager manager, NDArray like, double value) {
        if (like.getDataType() == DataType.FLOAT64) {
            // torch.full through DJL takes a float: a double goes through the host, exactly
            return manager.create(value).toDevice(like.getDevice(), false).duplicate();
        }
        return manager.full(new Shape(), (float) value, like.getDataType(), like.getDevice());
    }

    /** {@code x * s} with the scalar owned by libtorch ({@code x} itself when {@code s == 1}). */
    public static NDArray times(NDArray x, double s) {
        return s == 1.0 ? x : x.mul(of(x.getManager(), x, s));
    }
}
