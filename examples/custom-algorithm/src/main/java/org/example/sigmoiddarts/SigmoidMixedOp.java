package org.example.sigmoiddarts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.List;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.OpContext;

/**
 * A searchable edge whose primitives are weighted independently: {@code out = sum_k sigmoid(a_k)
 * o_k(x)}, the weighting of Fair DARTS (Chu et al., ECCV 2020). Unlike DARTS's softmax the ops do
 * not compete for one unit of weight, so a strong parameter-free op does not push the others down.
 *
 * <p>The alphas live in the network's {@link org.nas4j.ops.ArchParams} under {@code <edge
 * key>.alphas}, so nas4j trains them with the architecture optimizer and saves them in the search
 * desc's {@code trainables}, where {@link SigmoidEdgeReader} reads them.
 */
public final class SigmoidMixedOp extends AbstractBlock {
    /** Registry name. */
    public static final String NAME = "sigmoid_mixed_op";

    /** Op parameter listing the primitives. */
    public static final String PRIMITIVES = "primitives";

    /** Suffix of the architecture-weight key, and the name of the saved trainable. */
    public static final String ALPHAS = "alphas";

    private final Parameter alphas;
    private final int count;

    /** Builds the primitives of {@code desc} through the context's op registry. */
    public SigmoidMixedOp(OpDesc desc, OpContext ctx) {
        List<String> primitives = desc.stringListParam(PRIMITIVES);
        if (primitives.isEmpty() || primitives.contains("none")) {
            throw new NasException(
                    "A "
                            + NAME
                            + " needs a non-empty 'primitives' list without 'none' (an independent"
                            + " weight on a zero op changes nothing), got "
                            + primitives
                            + ".");
        }
        for (String name : primitives) {
            OpDesc prim = OpDesc.of(name, desc.conv(), desc.stride(), desc.affine());
            addChildBlock(name, ctx.registry().create(prim, ctx));
        }
        count = primitives.size();
        alphas =
                ctx.archParams()
                        .getOrCreate(
                                ctx.archKey() + "." + ALPHAS,
                                new Shape(count),
                                new NormalInitializer(1e-3f));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        // An op on a parameter lands in the parameter's manager: move it to the step's manager.
        NDArray w = Activation.sigmoid(ps.getValue(alphas, x.getDevice(), training));
        w.attach(x.getManager());
        NDList outs = new NDList(count);
        for (Block child : getChildren().values()) {
            outs.add(child.forward(ps, inputs, training, params).head());
        }
        NDArray stacked = NDArrays.stack(outs);
        return new NDList(stacked.mul(w.reshape(count, 1, 1, 1, 1)).sum(new int[] {0}));
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
