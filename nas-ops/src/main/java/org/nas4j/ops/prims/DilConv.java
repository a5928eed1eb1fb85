package org.nas4j.ops.prims;

import org.nas4j.core.desc.OpDesc;

/**
 * {@code dil_conv_KxK} (DARTS): ReLU, a depthwise {@code k x k} convolution with dilation 2
 * (padding {@code k-1}, so 2 for 3x3 and 4 for 5x5) at the op's stride, a 1x1 convolution to {@code
 * ch_out}, BatchNorm.
 */
public final class DilConv extends ChainOp {

    /** A dilated separable convolution of kernel {@code k} for {@code desc}. */
    public DilConv(OpDesc desc, int k) {
        int stride = PrimShapes.requireStride(desc.stride(), desc.name());
        add("relu", Layers.relu());
        add("dw", Layers.depthwise(desc.conv().chIn(), k, stride, 2));
        add("pw", Layers.conv(desc.conv().chOut(), 1, 1));
        add("bn", Layers.bn(desc.affine()));
    }
}
