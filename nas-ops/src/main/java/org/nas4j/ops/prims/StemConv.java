package org.nas4j.ops.prims;

import org.nas4j.core.desc.OpDesc;

/**
 * The model stems: 3x3 convolutions with BatchNorm that turn the image into the first feature maps.
 *
 * <ul>
 *   <li>{@code stem_conv3x3}: conv {@code ch_in -> ch_out} (padding 1, the op's stride), BN.
 *   <li>{@code stem_conv3x3_relu}: the same followed by ReLU.
 *   <li>{@code stem_conv3x3_s4} (DARTS ImageNet stem0): conv s2 to {@code ch_out/2}, BN, ReLU, conv
 *       s2 to {@code ch_out}, BN; total stride 4.
 *   <li>{@code stem_conv3x3_s4s2} (ImageNet stem1, after s4): ReLU, conv s2, BN; total stride 8.
 * </ul>
 */
public final class StemConv extends ChainOp {

    private StemConv() {}

    /** {@code stem_conv3x3}, followed by a ReLU when {@code relu}. */
    public static StemConv conv3x3(OpDesc desc, boolean relu) {
        StemConv s = new StemConv();
        int stride = PrimShapes.requireStride(desc.stride(), desc.name());
        s.add("conv", Layers.conv(desc.conv().chOut(), 3, stride));
        s.add("bn", Layers.bn(desc.affine()));
        if (relu) {
            s.add("relu", Layers.relu());
        }
        return s;
    }

    /** {@code stem_conv3x3_s4}: two stride-2 convolutions. */
    public static StemConv s4(OpDesc desc) {
        StemConv s = new StemConv();
        int chOut = desc.conv().chOut();
        s.add("conv1", Layers.conv(Math.max(1, chOut / 2), 3, 2));
        s.add("bn1", Layers.bn(desc.affine()));
        s.add("relu", Layers.relu());
        s.add("conv2", Layers.conv(chOut, 3, 2));
        s.add("bn2", Layers.bn(desc.affine()));
        return s;
    }

    /** {@code stem_conv3x3_s4s2}: ReLU, one stride-2 convolution, BN. */
    public static StemConv s4s2(OpDesc desc) {
        StemConv s = new StemConv();
        s.add("relu", Layers.relu());
        s.add("conv", Layers.conv(desc.conv().chOut(), 3, 2));
        s.add("bn", Layers.bn(desc.affine()));
        return s;
    }
}
