package org.nas4j.ops.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.OpContext;
import org.nas4j.ops.OpRegistry;

/**
 * Test-only DARTS mixed op: the softmax(alpha)-weighted sum of the 8 DARTS primitives, with alpha
 * owned by the network's {@link org.nas4j.ops.ArchParams} under {@code <archKey>.alpha}.
 */
final class WeightedSumOp extends AbstractBlock {
    static final String NAME = "test_mixed_op";
    static final List<String> PRIMITIVES =
            List.of(
                    "max_pool_3x3",
                    "avg_pool_3x3",
                    "skip_connect",
                    "sep_conv_3x3",
                    "sep_conv_5x5",
                    "dil_conv_3x3",
                    "dil_conv_5x5",
                    "none");

    private final Parameter alpha;
    private final List<Block> ops = new ArrayList<>();

    WeightedSumOp(OpDesc desc, OpContext ctx) {
        alpha =
                ctx.archParams()
                        .getOrCreate(
                                ctx.archKey() + ".alpha",
                                new Shape(PRIMITIVES.size()),
                                new NormalInitializer(1e-3f));
        for (String p : PRIMITIVES) {
            ops.add(addChildBlock(p, ctx.registry().create(desc.withName(p), ctx)));
        }
    }

    /** Registers this op under {@link #NAME}. */
    static OpRegistry register(OpRegistry registry) {
        return registry.register(
                NAME, "softmax-weighted sum of the DARTS primitives", WeightedSumOp::new);
    }

    Parameter alpha() {
        return alpha;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray a = ps.getValue(alpha, x.getDevice(), training);
        // softmax(alpha) is computed from a parameter first: it would land in the model's manager.
        NDArray w = a.softmax(0);
        w.attach(x.getManager());
        NDArray sum = null;
        for (int i = 0; i < ops.size(); i++) {
            NDArray y = ops.get(i).forward(ps, inputs, training).singletonOrThrow();
            NDArray term = y.mul(w.get(i));
            sum = sum == null ? term : sum.add(term);
        }
        return new NDList(sum);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return ops.get(0).getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
        for (Block op : ops) {
            op.initialize(manager, dataType, inputs);
        }
    }
}
