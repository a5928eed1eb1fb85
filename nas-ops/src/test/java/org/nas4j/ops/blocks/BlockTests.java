package org.nas4j.ops.blocks;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.OpContext;
import org.nas4j.ops.OpRegistry;

/** What the block tests share: building an op of the standard registry and counting weights. */
final class BlockTests {
    static final OpRegistry REGISTRY = OpRegistry.standard();

    private BlockTests() {}

    /** The initialised block of {@code desc} for {@code inputs}' shapes. */
    static Block build(OpDesc desc, NDManager manager, NDList inputs) {
        Block b = REGISTRY.create(desc, OpContext.standalone(REGISTRY));
        Shape[] shapes = new Shape[inputs.size()];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = inputs.get(i).getShape();
        }
        b.initialize(manager, DataType.FLOAT32, shapes);
        return b;
    }

    /** Scalar weights that train (BatchNorm running statistics are not among them). */
    static long trainableCount(Block b) {
        long n = 0;
        for (var p : b.getParameters()) {
            Parameter param = p.getValue();
            if (param.requiresGradient()) {
                n += param.getShape().size();
            }
        }
        return n;
    }
}
