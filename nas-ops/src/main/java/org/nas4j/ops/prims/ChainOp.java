package org.nas4j.ops.prims;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.nas4j.ops.Intermediates;

/**
 * An op made of layers applied one after another; subclasses add their layers in order in the
 * constructor with {@link #add}.
 */
public abstract class ChainOp extends AbstractBlock {

    /** Appends {@code block} to the chain. */
    protected final <B extends Block> B add(String name, B block) {
        return addChildBlock(name, block);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList x = inputs;
        for (Block child : children.values()) {
            NDList y = child.forward(ps, x, training, params);
            if (x != inputs) {
                // an intermediate: libtorch keeps it alive as long as the backward needs it, so
                // the Java handle can go now instead of at the end of the step (as PyTorch frees a
                // temporary); a layer that returned its input (identity) returned an array in use
                Intermediates.closeAllBut(x, y);
            }
            x = y;
        }
        return x;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
        Shape[] shapes = inputs;
        for (Block child : children.values()) {
            child.initialize(manager, dataType, shapes);
            shapes = child.getOutputShapes(shapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block child : children.values()) {
            shapes = child.getOutputShapes(shapes);
        }
        return shapes;
    }
}
