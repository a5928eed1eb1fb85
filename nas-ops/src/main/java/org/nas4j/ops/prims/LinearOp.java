package org.nas4j.ops.prims;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code linear}: flattens all but the batch dimension and applies a dense layer with bias, weight
 * and bias initialised as PyTorch's {@code nn.Linear} ({@code U(-1/sqrt(in), 1/sqrt(in))}).
 */
public final class LinearOp extends AbstractBlock {
    private final int units;
    private final Linear linear;

    /** A dense layer to {@code units} outputs; the input size is taken at initialisation. */
    public LinearOp(int units) {
        this.units = units;
        this.linear = addChildBlock("linear", Linear.builder().setUnits(units).build());
        linear.setInitializer(TorchDefaultInitializer.WEIGHTS, Parameter.Type.WEIGHT);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        NDArray flat = x.reshape(x.getShape().get(0), -1);
        return linear.forward(ps, new NDList(flat), training, params);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
        Shape flat = flat(inputs[0]);
        // The bias bound depends on the input size, known only now.
        linear.setInitializer(TorchDefaultInitializer.bias(flat.get(1)), Parameter.Type.BIAS);
        linear.initialize(manager, dataType, flat);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), units)};
    }

    private static Shape flat(Shape in) {
        return new Shape(in.get(0), in.size() / in.get(0));
    }
}
