package org.nas4j.algos.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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
import org.nas4j.core.NasException;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.Intermediates;
import org.nas4j.ops.OpContext;
import org.nas4j.ops.ParallelOp;

/**
 * A DARTS edge: the softmax-weighted sum of every primitive applied to the same input.
 *
 * <p>The primitives come from the op's {@code primitives} parameter; the weights ({@code alphas},
 * initialised to 1e-3 times a standard normal as in the paper) live in the network's {@link
 * org.nas4j.ops.ArchParams} under this edge's key, shared with cells of the same {@code
 * trainablesFrom}. The {@code none} primitive contributes exactly zero, so it is not computed; its
 * weight still takes part in the softmax.
 */
public final class MixedOp extends AbstractBlock implements ParallelOp {
    /** Registry name. */
    public static final String NAME = "mixed_op";

    private final List<String> primitives;
    private final List<Integer> computed = new ArrayList<>();
    private final Parameter alphas;

    /** Builds the primitives of {@code desc} through the context's registry. */
    public MixedOp(OpDesc desc, OpContext ctx) {
        primitives = desc.stringListParam("primitives");
        if (primitives.isEmpty()) {
            throw new NasException(
                    "A mixed_op needs a non-empty 'primitives' list parameter, e.g. ['max_pool_3x3',"
                            + " 'sep_conv_3x3', 'none'].");
        }
        computed.addAll(EdgePrimitives.build(desc, ctx, primitives, NAME, this::addChildBlock));
        alphas =
                ctx.archParams()
                        .getOrCreate(
                                ctx.archKey() + ".alphas",
                                new Shape(primitives.size()),
                                new NormalInitializer(1e-3f));
    }

    /** The primitive names, in the order of the alphas. */
    public List<String> primitives() {
        return primitives;
    }

    /** The architecture weights of this edge (shared by reference across cells). */
    public Parameter alphas() {
        return alphas;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        NDArray a = ps.getValue(alphas, x.getDevice(), training);
        // softmax(alpha) is computed from a parameter, so it would land in the model's manager:
        // move it to the step's manager or every step leaks it.
        NDArray w = a.softmax(0);
        w.attach(x.getManager());
        // sum over primitives of w[i] * op_i(x), accumulated one primitive at a time (as DARTS
        // does) rather than stacked: stacking copies every output once more and multiplies the copy
        NDArray out = null;
        int i = 0;
        for (Block child : getChildren().values()) {
            NDArray y = child.forward(ps, inputs, training, params).head();
            NDArray wi = w.get(computed.get(i++));
            NDArray term = y.mul(wi);
            wi.close();
            // libtorch keeps y for the backward (the gradient of w[i]) by its own reference; an
            // op that returns its input (skip_connect) returns an array others still read
            if (!Intermediates.among(y, inputs)) {
                y.close();
            }
            if (out == null) {
                out = term;
            } else {
                out.addi(term); // out is a product nothing saved, so it may change in place
                term.close();
            }
        }
        return new NDList(out);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return getChildren().values().get(0).getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(
            ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block child : getChildren().values()) {
            child.initialize(manager, dataType, inputShapes);
        }
    }
}
