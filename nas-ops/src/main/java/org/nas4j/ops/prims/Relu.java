package org.nas4j.ops.prims;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.nas4j.ops.SharedOutputs;

/**
 * ReLU as a block with a known output shape (DJL's lambda block runs itself to learn it). Within a
 * cell that passes {@link SharedOutputs}, the ReLU of an array is computed once for all its
 * readers.
 */
public final class Relu extends AbstractBlock implements SharedOutputs.Shareable {
    private static final String KEY = "relu";

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(SharedOutputs.apply(params, inputs.head(), KEY, Activation::relu));
    }

    @Override
    public Object shareKey() {
        return KEY;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
