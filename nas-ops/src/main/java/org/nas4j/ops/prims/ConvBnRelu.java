package org.nas4j.ops.prims;

import org.nas4j.core.desc.OpDesc;

/** {@code convbnrelu_3x3} and {@code convbnrelu_1x1}: a convolution, BatchNorm, ReLU. */
public final class ConvBnRelu extends ChainOp {

    /** A {@code k x k} convolution (padding {@code k/2}) at {@code desc}'s stride, BN, ReLU. */
    public ConvBnRelu(OpDesc desc, int k) {
        int stride = PrimShapes.requireStride(desc.stride(), desc.name());
        add("conv", Layers.conv(desc.conv().chOut(), k, stride));
        add("bn", Layers.bn(desc.affine()));
        add("relu", Layers.relu());
    }
}
