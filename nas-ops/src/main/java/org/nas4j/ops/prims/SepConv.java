package org.nas4j.ops.prims;

import org.nas4j.core.desc.OpDesc;

/**
 * {@code sep_conv_KxK}: a separable convolution applied twice, as in DARTS (Liu et al., <a
 * href="https://arxiv.org/abs/1806.09055">arXiv:1806.09055</a>). Each half is ReLU, a depthwise
 * {@code k x k} convolution (padding {@code k/2}), a 1x1 convolution and BatchNorm; the stride is
 * on the first depthwise convolution, the first half keeps {@code ch_in} channels and the second
 * maps to {@code ch_out}.
 */
public final class SepConv extends ChainOp {

    /** A separable convolution of kernel {@code k} for {@code desc}. */
    public SepConv(OpDesc desc, int k) {
        int chIn = desc.conv().chIn();
        int stride = PrimShapes.requireStride(desc.stride(), desc.name());
        half(chIn, chIn, k, stride, desc.affine());
        half(chIn, desc.conv().chOut(), k, 1, desc.affine());
    }

    private void half(int chIn, int chOut, int k, int stride, boolean affine) {
        add("relu", Layers.relu());
        add("dw", Layers.depthwise(chIn, k, stride, 1));
        add("pw", Layers.conv(chOut, 1, 1));
        add("bn", Layers.bn(affine));
    }
}
