package org.nas4j.ops.prims;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.OpContext;
import org.nas4j.ops.OpRegistry;

/** Small helpers shared by the op tests. */
final class OpTests {
    static final OpRegistry REGISTRY = OpRegistry.standard();

    private OpTests() {}

    /** The standard registry's block for {@code desc}. */
    static Block build(OpDesc desc) {
        return REGISTRY.create(desc, OpContext.standalone(REGISTRY));
    }

    /** Initialises {@code block} in {@code manager} for {@code inputs}' shapes. */
    static Block init(Block block, NDManager manager, NDList inputs) {
        block.initialize(manager, DataType.FLOAT32, shapes(inputs));
        return block;
    }

    static Shape[] shapes(NDList inputs) {
        Shape[] shapes = new Shape[inputs.size()];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = inputs.get(i).getShape();
        }
        return shapes;
    }

    /** One forward pass, in training mode when {@code training}. */
    static NDArray forward(Block block, NDManager manager, NDList inputs, boolean training) {
        return block.forward(new ParameterStore(manager, false), inputs, training).head();
    }

    static NDList randn(NDManager manager, Shape... shapes) {
        NDList list = new NDList();
        for (Shape s : shapes) {
            list.add(manager.randomNormal(s));
        }
        return list;
    }
}
