package org.nas4j.ops.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.prims.PrimShapes;

/**
 * The op {@code unused}: the stem of a cell input that no node reads (a hand-designed network's
 * cell reads only its previous cell, c_{k-1}). Its output has the shape {@code none} would give,
 * zeros of {@code ch_out} channels at the op's stride, but as a broadcast view of a single zero, so
 * it costs neither memory nor a pass over its input.
 */
public final class Unused extends AbstractBlock {
    private final int chOut;
    private final int stride;

    /** An unused input of {@code desc}'s output channels and stride. */
    public Unused(OpDesc desc) {
        this.chOut = desc.conv().chOut();
        this.stride = PrimShapes.requireStride(desc.stride(), desc.name());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        Shape out = PrimShapes.strided(x.getShape(), chOut, stride);
        NDArray zero = x.getManager().zeros(new Shape(1, 1, 1, 1), x.getDataType(), x.getDevice());
        return new NDList(zero.broadcast(out));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {PrimShapes.strided(inputShapes[0], chOut, stride)};
    }
}
