package org.nas4j.ops.prims;

import ai.djl.ndarray.types.Shape;
import org.nas4j.core.NasException;

/** Output-shape arithmetic shared by the ops, equal to what PyTorch gives for their paddings. */
public final class PrimShapes {
    private PrimShapes() {}

    /**
     * The output size of a spatial dimension of {@code size} under {@code stride} for a kernel
     * {@code k} padded by {@code k/2} (odd {@code k}, dilation included): {@code
     * ceil(size/stride)}.
     */
    public static long strided(long size, int stride) {
        return (size + stride - 1) / stride;
    }

    /** {@code [N, chOut, ceil(H/stride), ceil(W/stride)]} for an {@code NCHW} input shape. */
    public static Shape strided(Shape nchw, long chOut, int stride) {
        requireNchw(nchw, "op input");
        return new Shape(
                nchw.get(0), chOut, strided(nchw.get(2), stride), strided(nchw.get(3), stride));
    }

    /** Throws unless {@code shape} has four dimensions. */
    public static void requireNchw(Shape shape, String what) {
        if (shape.dimension() != 4) {
            throw new NasException(
                    "The "
                            + what
                            + " has shape "
                            + shape
                            + "; expected four dimensions [N, C, H, W].");
        }
    }

    /** Throws unless {@code stride} is 1 or 2. */
    public static int requireStride(int stride, String opName) {
        if (stride != 1 && stride != 2) {
            throw new NasException(
                    "Op '"
                            + opName
                            + "' was given stride "
                            + stride
                            + "; valid strides are 1 and 2.");
        }
        return stride;
    }
}
