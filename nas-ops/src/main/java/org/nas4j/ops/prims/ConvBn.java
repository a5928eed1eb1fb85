package org.nas4j.ops.prims;

/** A 1x1 convolution to {@code chOut} channels followed by BatchNorm (a channel projection). */
public final class ConvBn extends ChainOp {

    /** A 1x1 projection to {@code chOut} channels. */
    public ConvBn(int chOut, boolean affine) {
        add("conv", Layers.conv(chOut, 1, 1));
        add("bn", Layers.bn(affine));
    }
}
