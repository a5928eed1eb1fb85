package org.nas4j.ops.prims;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.PureOp;

/**
 * The {@code none} op: zeros of the output shape, standing for a missing edge (DARTS's {@code
 * Zero}); at stride 2 the shape is that of {@code x[:, :, ::2, ::2]}, with {@code ch_out} channels.
 *
 * <p>The zeros are created directly rather than by multiplying the input by zero, which gives the
 * same values without a pass over the input.
 */
public final class Zero extends AbstractBlock implements PureOp {
    private final int chOut;
    private final int stride;

    /** A zero op for {@code desc}'s output channels and stride. */
    public Zero(OpDesc desc) {
        this.chOut = desc.conv().chOut();
        this.stride = PrimShapes.requireStride(desc.stride(), desc.name());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        Shape out = PrimShapes.strided(x.getShape(), chOut, stride);
        return new NDList(x.getManager().zeros(out, x.getDataType(), x.getDevice()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {PrimShapes.strided(inputShapes[0], chOut, stride)};
    }
}
