package org.nas4j.ops;

import static org.nas4j.ops.prims.GlobalPool.Kind.AVG_7X7;
import static org.nas4j.ops.prims.GlobalPool.Kind.GLOBAL_AVG;
import static org.nas4j.ops.prims.PoolOp.Kind.AVG;
import static org.nas4j.ops.prims.PoolOp.Kind.MAX;

import ai.djl.nn.Block;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.blocks.MsdLayer;
import org.nas4j.ops.blocks.ResNetBasicBlock;
import org.nas4j.ops.blocks.Unused;
import org.nas4j.ops.prims.ConcateChannels;
import org.nas4j.ops.prims.ConvBnRelu;
import org.nas4j.ops.prims.DilConv;
import org.nas4j.ops.prims.FacConv;
import org.nas4j.ops.prims.FactorizedReduce;
import org.nas4j.ops.prims.GlobalPool;
import org.nas4j.ops.prims.Identity;
import org.nas4j.ops.prims.LinearOp;
import org.nas4j.ops.prims.MultiOp;
import org.nas4j.ops.prims.PoolOp;
import org.nas4j.ops.prims.ProjChannels;
import org.nas4j.ops.prims.ReluConvBn;
import org.nas4j.ops.prims.SepConv;
import org.nas4j.ops.prims.StemConv;
import org.nas4j.ops.prims.Zero;

/** The built-in ops, registered under their DARTS/Archai names. */
final class BuiltinOps {
    private BuiltinOps() {}

    static void registerAll(OpRegistry r) {
        r.register("none", "zeros of the output shape (no edge)", (d, c) -> new Zero(d));
        r.register("skip_connect", "identity; factorized reduce at stride 2", (d, c) -> skip(d));
        r.register("identity", "returns its input", (d, c) -> new Identity(d));
        r.register("max_pool_3x3", "3x3 max pool, pad 1", (d, c) -> PoolOp.of(MAX, d));
        r.register("avg_pool_3x3", "3x3 avg pool, pad excluded", (d, c) -> PoolOp.of(AVG, d));
        r.register("sep_conv_3x3", "2x(ReLU, dw 3x3, 1x1, BN)", (d, c) -> new SepConv(d, 3));
        r.register("sep_conv_5x5", "2x(ReLU, dw 5x5, 1x1, BN)", (d, c) -> new SepConv(d, 5));
        r.register("sep_conv_7x7", "2x(ReLU, dw 7x7, 1x1, BN)", (d, c) -> new SepConv(d, 7));
        r.register("dil_conv_3x3", "ReLU, dw 3x3 dil 2, 1x1, BN", (d, c) -> new DilConv(d, 3));
        r.register("dil_conv_5x5", "ReLU, dw 5x5 dil 2, 1x1, BN", (d, c) -> new DilConv(d, 5));
        r.register("conv_7x1_1x7", "ReLU, 1x7 conv, 7x1 conv, BN", (d, c) -> new FacConv(d));
        r.register("convbnrelu_3x3", "3x3 conv, BN, ReLU", (d, c) -> new ConvBnRelu(d, 3));
        r.register("convbnrelu_1x1", "1x1 conv, BN, ReLU", (d, c) -> new ConvBnRelu(d, 1));
        r.register("relu_conv_bn", "ReLU, conv (kernel), BN", (d, c) -> ReluConvBn.fromParams(d));
        r.register("prepr_normal", "cell stem: ReLU, 1x1 conv, BN", (d, c) -> new ReluConvBn(d, 1));
        r.register("prepr_reduce", "cell stem: factorized reduce", (d, c) -> reduce(d));
        r.register("stem_conv3x3", "3x3 conv, BN", (d, c) -> StemConv.conv3x3(d, false));
        r.register("stem_conv3x3_relu", "3x3 conv, BN, ReLU", (d, c) -> StemConv.conv3x3(d, true));
        r.register("stem_conv3x3_s4", "ImageNet stem, stride 4", (d, c) -> StemConv.s4(d));
        r.register("stem_conv3x3_s4s2", "ReLU, 3x3 conv s2, BN", (d, c) -> StemConv.s4s2(d));
        r.register("pool_adaptive_avg2d", "global average to 1x1", (d, c) -> pool(GLOBAL_AVG));
        r.register("pool_avg2d7x7", "7x7 average pool, stride 7", (d, c) -> pool(AVG_7X7));
        r.register("pool_mean_tensor", "mean over H and W, kept", (d, c) -> pool(GLOBAL_AVG));
        r.register("linear", "flatten, dense with bias", (d, c) -> new LinearOp(d.conv().chOut()));
        r.register("concate_channels", "concat last out_states", (d, c) -> new ConcateChannels(d));
        r.register("proj_channels", "concat, 1x1 conv, BN", (d, c) -> new ProjChannels(d));
        r.register("multi_op", "children merged by sum|concat", MultiOp::new);
        r.register("resnet_basic_block", "ResNet basic block", (d, c) -> new ResNetBasicBlock(d));
        r.register("msd_layer", "mixed-scale dense layer", (d, c) -> new MsdLayer(d));
        r.register("unused", "a cell input no node reads (zero view)", (d, c) -> new Unused(d));
    }

    private static Block skip(OpDesc d) {
        return d.stride() == 1 ? new Identity(d) : new FactorizedReduce(d);
    }

    private static Block reduce(OpDesc d) {
        return new FactorizedReduce(d);
    }

    private static Block pool(GlobalPool.Kind kind) {
        return new GlobalPool(kind);
    }
}
