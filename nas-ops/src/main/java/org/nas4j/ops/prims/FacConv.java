package org.nas4j.ops.prims;

import org.nas4j.core.desc.OpDesc;

/**
 * {@code conv_7x1_1x7} (DARTS's factorized 7x7): ReLU, a 1x7 convolution carrying the whole stride
 * (in both dimensions), a 7x1 convolution to {@code ch_out}, BatchNorm.
 */
public final class FacConv extends ChainOp {

    /** The factorized 7x7 convolution of {@code desc}. */
    public FacConv(OpDesc desc) {
        int stride = PrimShapes.requireStride(desc.stride(), desc.name());
        add("relu", Layers.relu());
        add("conv1x7", Layers.conv(desc.conv().chIn(), 1, 7, stride, stride, 1, 1));
        add("conv7x1", Layers.conv(desc.conv().chOut(), 7, 1, 1, 1, 1, 1));
        add("bn", Layers.bn(desc.affine()));
    }
}
