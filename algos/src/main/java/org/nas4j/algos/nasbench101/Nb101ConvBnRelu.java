package org.nas4j.algos.nasbench101;

import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.XavierInitializer;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.prims.ChainOp;
import org.nas4j.ops.prims.Layers;

/**
 * The benchmark's {@code conv_bn_relu}: a {@code k x k} convolution without bias (padding {@code
 * k/2}, stride 1), BatchNorm with scale and shift, ReLU. The ops {@code conv3x3-bn-relu}, {@code
 * conv1x1-bn-relu}, {@code nb101_projection} and the model stem are built with it.
 *
 * <p>As in the benchmark's {@code base_ops.py}: the weights start from a normal distribution of
 * variance {@code 1/fan_in} (TensorFlow's {@code variance_scaling_initializer}, there truncated)
 * and BatchNorm keeps running statistics with momentum {@code bn_momentum} (param, default 0.997,
 * the weight of the old value as in TensorFlow and DJL) and epsilon 1e-5.
 */
final class Nb101ConvBnRelu extends ChainOp {
    /** The op param holding the BatchNorm momentum. */
    static final String BN_MOMENTUM = "bn_momentum";

    /** The benchmark's BatchNorm momentum ({@code BN_MOMENTUM} in {@code base_ops.py}). */
    static final double BENCHMARK_BN_MOMENTUM = 0.997;

    Nb101ConvBnRelu(OpDesc desc, int k) {
        if (desc.stride() != 1) {
            throw new NasException(
                    "Op '" + desc.name() + "' has stride " + desc.stride() + "; it has stride 1.");
        }
        double momentum = desc.doubleParam(BN_MOMENTUM, BENCHMARK_BN_MOMENTUM);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new NasException(
                    "Op '"
                            + desc.name()
                            + "' has param "
                            + BN_MOMENTUM
                            + " = "
                            + momentum
                            + "; valid: 0 <= momentum < 1.");
        }
        Conv2d conv = Layers.conv(desc.conv().chOut(), k, 1);
        conv.setInitializer(
                new XavierInitializer(
                        XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 1f),
                Parameter.Type.WEIGHT);
        add("conv", conv);
        add(
                "bn",
                BatchNorm.builder()
                        .optMomentum((float) momentum)
                        .optEpsilon(Layers.BN_EPS)
                        .optCenter(desc.affine())
                        .optScale(desc.affine())
                        .build());
        add("relu", Layers.relu());
    }
}
