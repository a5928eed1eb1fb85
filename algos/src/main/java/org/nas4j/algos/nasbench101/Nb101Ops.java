package org.nas4j.algos.nasbench101;

import java.util.List;
import org.nas4j.ops.OpProvider;
import org.nas4j.ops.OpRegistry;

/**
 * The ops of NAS-Bench-101 networks: the three vertex ops under the benchmark's names, the input
 * projection, the model stem's conv, the down-sampling between stacks, and the wiring that lets a
 * cell's nodes sum their edges ({@link Nb101Wiring}).
 */
public final class Nb101Ops implements OpProvider {
    /** 3x3 convolution, BatchNorm, ReLU. */
    public static final String CONV3X3 = "conv3x3-bn-relu";

    /** 1x1 convolution, BatchNorm, ReLU. */
    public static final String CONV1X1 = "conv1x1-bn-relu";

    /** 3x3 max pool at stride 1. */
    public static final String MAXPOOL3X3 = "maxpool3x3";

    /** The ops a vertex may have, in the benchmark's order ({@code available_ops}). */
    public static final List<String> VERTEX_OPS = List.of(CONV3X3, CONV1X1, MAXPOOL3X3);

    /** The cell input projected to a vertex's channels: 1x1 convolution, BatchNorm, ReLU. */
    public static final String PROJECTION = "nb101_projection";

    /** The first channels of a wider vertex. */
    public static final String TRUNCATE = "nb101_truncate";

    /** A vertex placed at its channels of the cell output. */
    public static final String CONCAT = "nb101_concat";

    /** 2x2 max pool at stride 2, before the first cell of a stack. */
    public static final String DOWNSAMPLE = "nb101_downsample";

    /** The cell input {@code c_{k-2}} a NAS-Bench-101 cell does not read. */
    public static final String UNUSED_INPUT = "nb101_unused_input";

    @Override
    public void registerOps(OpRegistry r) {
        r.register(
                CONV3X3, "NAS-Bench-101: 3x3 conv, BN, ReLU", (d, c) -> new Nb101ConvBnRelu(d, 3));
        r.register(
                CONV1X1, "NAS-Bench-101: 1x1 conv, BN, ReLU", (d, c) -> new Nb101ConvBnRelu(d, 1));
        r.register(MAXPOOL3X3, "NAS-Bench-101: 3x3 max pool", (d, c) -> Nb101Pool.maxPool3x3(d));
        r.register(
                PROJECTION,
                "NAS-Bench-101: cell input to a vertex's width, 1x1 conv, BN, ReLU",
                (d, c) -> new Nb101ConvBnRelu(d, 1));
        r.register(
                TRUNCATE,
                "NAS-Bench-101: first ch_out channels",
                (d, c) -> Nb101Wiring.truncate(d));
        r.register(
                CONCAT,
                "NAS-Bench-101: input at channel offset of ch_out",
                (d, c) -> Nb101Wiring.concat(d));
        r.register(
                DOWNSAMPLE,
                "NAS-Bench-101: 2x2 max pool, stride 2",
                (d, c) -> Nb101Pool.downsample(d));
        r.register(
                UNUSED_INPUT,
                "NAS-Bench-101: the unread cell input",
                (d, c) -> Nb101Wiring.unused(d));
    }
}
