package org.nas4j.ops.prims;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.PureOp;
import org.nas4j.ops.SharedOutputs;

/**
 * {@code max_pool_3x3} and {@code avg_pool_3x3}: a 3x3 pool with padding 1 at the op's stride; the
 * average excludes the padding, as in DARTS. When {@code ch_in != ch_out} a 1x1 convolution and
 * BatchNorm follow (as Archai does) so that the pool can sit on any edge. Within a cell that passes
 * {@link SharedOutputs}, the pool of an array is computed once for all edges that ask for it.
 */
public final class PoolOp extends AbstractBlock implements PureOp, SharedOutputs.Shareable {
    /** Which reduction the pool applies. */
    public enum Kind {
        MAX,
        AVG
    }

    private final Kind kind;
    private final int k;
    private final int stride;
    private final int pad;
    private final Block proj;
    private final List<Object> key;

    private PoolOp(Kind kind, int k, int stride, int pad, Block proj) {
        this.kind = kind;
        this.k = k;
        this.stride = stride;
        this.pad = pad;
        this.proj = proj == null ? null : addChildBlock("proj", proj);
        this.key = List.of(kind, k, stride, pad);
    }

    /** The registered op: the 3x3 pool of {@code desc}, projected when it changes channels. */
    public static PoolOp of(Kind kind, OpDesc desc) {
        int stride = PrimShapes.requireStride(desc.stride(), desc.name());
        Block proj =
                desc.conv().chIn() == desc.conv().chOut()
                        ? null
                        : new ConvBn(desc.conv().chOut(), desc.affine());
        return new PoolOp(kind, 3, stride, 1, proj);
    }

    /** A plain {@code k x k} pool (no projection) with the given stride and padding. */
    public static PoolOp plain(Kind kind, int k, int stride, int pad) {
        return new PoolOp(kind, k, stride, pad, null);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList out = new NDList(SharedOutputs.apply(params, inputs.head(), key, this::pool));
        return proj == null ? out : proj.forward(ps, out, training, params);
    }

    private NDArray pool(NDArray x) {
        return kind == Kind.MAX
                ? Pool.maxPool2d(
                        x, new Shape(k, k), new Shape(stride, stride), new Shape(pad, pad), false)
                : PoolDivisors.avgPoolExcludePad(x, k, stride, pad);
    }

    /** Kind, size, stride and padding. */
    @Override
    public Object shareKey() {
        return key;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
        if (proj != null) {
            proj.initialize(manager, dataType, pooled(inputs[0]));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape pooled = pooled(inputShapes[0]);
        return proj == null ? new Shape[] {pooled} : proj.getOutputShapes(new Shape[] {pooled});
    }

    private Shape pooled(Shape in) {
        PrimShapes.requireNchw(in, "pool input");
        return new Shape(in.get(0), in.get(1), out(in.get(2)), out(in.get(3)));
    }

    private long out(long size) {
        return (size + 2L * pad - k) / stride + 1;
    }
}
