package org.nas4j.ops.prims;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/**
 * The building layers of every op, configured as PyTorch/DARTS does: convolutions without bias and
 * with PyTorch's default initialisation, BatchNorm with PyTorch momentum 0.1 and eps 1e-5.
 */
public final class Layers {
    /** DJL's BatchNorm momentum is the weight of the old running value: PyTorch's 0.1 is 0.9. */
    public static final float BN_MOMENTUM = 0.9f;

    /** PyTorch's default BatchNorm epsilon. */
    public static final float BN_EPS = 1e-5f;

    private Layers() {}

    /** A square convolution with padding {@code k/2} (same size at stride 1), no bias. */
    public static Conv2d conv(int chOut, int k, int stride) {
        return conv(chOut, k, k, stride, stride, 1, 1);
    }

    /**
     * A convolution without bias and with PyTorch's default weight initialisation.
     *
     * @param chOut output channels
     * @param kh kernel height
     * @param kw kernel width
     * @param sh stride along height
     * @param sw stride along width
     * @param dilation dilation in both dimensions (padding is {@code dilation*(k-1)/2})
     * @param groups groups ({@code ch_in} for a depthwise convolution)
     */
    public static Conv2d conv(int chOut, int kh, int kw, int sh, int sw, int dilation, int groups) {
        Conv2d conv =
                Conv2d.builder()
                        .setFilters(chOut)
                        .setKernelShape(new Shape(kh, kw))
                        .optStride(new Shape(sh, sw))
                        .optPadding(new Shape(dilation * (kh - 1) / 2, dilation * (kw - 1) / 2))
                        .optDilation(new Shape(dilation, dilation))
                        .optGroups(groups)
                        .optBias(false)
                        .build();
        conv.setInitializer(TorchDefaultInitializer.WEIGHTS, Parameter.Type.WEIGHT);
        return conv;
    }

    /** A depthwise convolution ({@code groups = channels}) of size {@code k}, dilated. */
    public static Conv2d depthwise(int channels, int k, int stride, int dilation) {
        return conv(channels, k, k, stride, stride, dilation, channels);
    }

    /**
     * A BatchNorm over channels; non-affine BN keeps DJL's gamma and beta but frozen at 1 and 0.
     */
    public static BatchNorm bn(boolean affine) {
        return BatchNorm.builder()
                .optMomentum(BN_MOMENTUM)
                .optEpsilon(BN_EPS)
                .optCenter(affine)
                .optScale(affine)
                .build();
    }

    /** A ReLU block. */
    public static Relu relu() {
        return new Relu();
    }
}
