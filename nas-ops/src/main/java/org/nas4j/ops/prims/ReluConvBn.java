package org.nas4j.ops.prims;

import org.nas4j.core.NasException;
import org.nas4j.core.desc.OpDesc;

/**
 * ReLU, a {@code k x k} convolution (padding {@code k/2}) to {@code ch_out}, BatchNorm: the op
 * {@code relu_conv_bn} (kernel from param {@code kernel}, default 1) and the cell stem {@code
 * prepr_normal} (1x1).
 */
public final class ReluConvBn extends ChainOp {

    /** The ReLU-conv-BN of {@code desc} with kernel {@code k}. */
    public ReluConvBn(OpDesc desc, int k) {
        int stride = PrimShapes.requireStride(desc.stride(), desc.name());
        add("relu", Layers.relu());
        add("conv", Layers.conv(desc.conv().chOut(), k, stride));
        add("bn", Layers.bn(desc.affine()));
    }

    /** {@code relu_conv_bn}: the kernel is param {@code kernel} (odd), 1 when absent. */
    public static ReluConvBn fromParams(OpDesc desc) {
        int k = desc.intParam("kernel", 1);
        if (k < 1 || k % 2 == 0) {
            throw new NasException(
                    "Op '"
                            + desc.name()
                            + "' has param kernel="
                            + k
                            + "; valid kernels are odd and positive (1, 3, 5, ...).");
        }
        return new ReluConvBn(desc, k);
    }
}
