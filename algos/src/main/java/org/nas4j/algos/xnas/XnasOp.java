package org.nas4j.algos.xnas;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.algos.darts.EdgePrimitives;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.ArchParams;
import org.nas4j.ops.OpContext;
import org.nas4j.ops.ParallelOp;

/**
 * An XNAS edge: a mixture of experts {@code sum_k w_k o_k} whose weights {@code w_k = a_k / sum_j
 * a_j} the {@link XnasArchTrainer} sets by exponentiated gradient (Nayman et al. 2019,
 * arXiv:1906.09557), never by gradient descent.
 *
 * <p>The edge owns three architecture parameters under its key (shared with cells of the same
 * {@code trainablesFrom}): {@code weights}, the normalised {@code w} that the forward pass
 * multiplies by, a leaf so that {@code dL/dw_k = <dL/dout, o_k>} exactly; {@code log_weights}, the
 * experts' {@code log a_k} (0 at the start); {@code wiped}, 1 for an expert wiped out. A wiped
 * expert and {@code none} are not computed: their contribution is exactly zero.
 */
public final class XnasOp extends AbstractBlock implements ParallelOp {
    /** Registry name. */
    public static final String NAME = "xnas_op";

    private final List<String> primitives;
    private final List<Integer> childPrimitive = new ArrayList<>();
    private final Parameter weights;
    private final Parameter wiped;

    /** Builds the primitives of {@code desc} through the context's registry. */
    public XnasOp(OpDesc desc, OpContext ctx) {
        primitives = desc.stringListParam(XnasEdgeReader.PRIMITIVES);
        if (primitives.size() < 2) {
            throw new NasException(
                    "An xnas_op needs a 'primitives' list parameter of at least 2 ops (its experts),"
                            + " e.g. ['max_pool_3x3', 'sep_conv_3x3', 'none']; got "
                            + primitives
                            + ".");
        }
        childPrimitive.addAll(
                EdgePrimitives.build(desc, ctx, primitives, NAME, this::addChildBlock));
        ArchParams arch = ctx.archParams();
        Shape k = new Shape(primitives.size());
        String key = ctx.archKey() + ".";
        weights =
                arch.getOrCreate(
                        key + XnasEdgeReader.WEIGHTS,
                        k,
                        new ConstantInitializer(1f / primitives.size()));
        arch.getOrCreate(key + XnasEdgeReader.LOG_WEIGHTS, k, new ConstantInitializer(0f));
        wiped = arch.getOrCreate(key + XnasEdgeReader.WIPED, k, new ConstantInitializer(0f));
    }

    /** The primitive names, in the order of the expert weights. */
    public List<String> primitives() {
        return primitives;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        float[] mask = wiped.getArray().toFloatArray();
        List<Integer> live = new ArrayList<>();
        for (int c = 0; c < childPrimitive.size(); c++) {
            if (mask[childPrimitive.get(c)] < 0.5f) {
                live.add(c);
            }
        }
        if (live.isEmpty()) {
            live.add(0); // only 'none' is left: the first op times its weight 0 keeps the shape
        }
        NDList outs = new NDList(live.size());
        long[] idx = new long[live.size()];
        for (int i = 0; i < live.size(); i++) {
            Block child = getChildren().values().get(live.get(i));
            outs.add(child.forward(ps, inputs, training, params).head());
            idx[i] = childPrimitive.get(live.get(i));
        }
        NDArray w = ps.getValue(weights, x.getDevice(), training);
        // an op on a parameter lands in the model's manager: move it to the step's
        NDArray wLive = w.get(x.getManager().create(idx));
        wLive.attach(x.getManager());
        NDArray stacked = NDArrays.stack(outs);
        Shape bshape = new Shape(live.size(), 1, 1, 1, 1);
        return new NDList(stacked.mul(wLive.reshape(bshape)).sum(new int[] {0}));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return getChildren().values().get(0).getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
        for (Block child : getChildren().values()) {
            child.initialize(manager, dataType, shapes);
        }
    }
}
