package org.nas4j.algos.petridish;

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
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.OpContext;

/**
 * The candidate node's edge ({@code petridish_op}): every input state through every primitive, each
 * weighted by its own trainable weight, with the paper's two stop-gradients: each input is detached
 * ({@code sg(x)}), so no gradient flows through the candidate into the layers before it, and the
 * weighted sum {@code s} is returned as {@code s - sg(s)}, which is exactly zero in the forward
 * pass while its gradient reaches the weights and the primitives. The network therefore computes
 * what its parent computes while the candidate learns which (input, op) pairs would help.
 *
 * <p>Parameters: {@code primitives} (the op names; {@code none} is weighed but never computed) and
 * {@code strides} (one per input: 2 for a reduction cell's inputs, else 1). The weights, a {@code
 * [in_len, primitives]} array initialised to 1e-3 times a standard normal as in Archai, are the
 * architecture weights {@code <edge key>.alphas}; they are not normalised (the L1 penalty of {@link
 * PetridishTrainer} makes them sparse).
 */
public final class PetridishOp extends AbstractBlock {
    /** Registry name. */
    public static final String NAME = "petridish_op";

    private final int inLen;
    private final List<String> primitives;
    private final List<Long> computed = new ArrayList<>();
    private final List<List<Block>> ops = new ArrayList<>();
    private final Parameter alphas;

    /** Builds every primitive for every input of {@code desc} through the context's registry. */
    public PetridishOp(OpDesc desc, OpContext ctx) {
        inLen = desc.inLen();
        primitives = desc.stringListParam(CandidateEdgeReader.PRIMITIVES);
        List<Integer> strides = CandidateEdgeReader.strides(desc);
        for (int j = 0; j < primitives.size(); j++) {
            if (!CandidateEdgeReader.NONE.equals(primitives.get(j))) {
                computed.add((long) j);
            }
        }
        if (computed.isEmpty()) {
            throw new NasException(
                    "A "
                            + NAME
                            + " needs a 'primitives' list with an op other than 'none', e.g."
                            + " ['sep_conv_3x3', 'skip_connect', 'none']; got "
                            + primitives
                            + ".");
        }
        for (int i = 0; i < inLen; i++) {
            List<Block> row = new ArrayList<>();
            for (long j : computed) {
                String prim = primitives.get((int) j);
                OpDesc p = OpDesc.of(prim, desc.conv(), strides.get(i), desc.affine());
                row.add(addChildBlock("in" + i + "_" + prim, ctx.registry().create(p, ctx)));
            }
            ops.add(row);
        }
        alphas =
                ctx.archParams()
                        .getOrCreate(
                                ctx.archKey() + "." + CandidateEdgeReader.ALPHAS,
                                new Shape(inLen, primitives.size()),
                                new NormalInitializer(1e-3f));
    }

    /** The candidate weights, {@code [in_len, primitives]}. */
    public Parameter alphas() {
        return alphas;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.size() != inLen) {
            throw new NasException(
                    NAME + " was built for " + inLen + " inputs but got " + inputs.size() + ".");
        }
        NDManager step = inputs.head().getManager();
        NDArray a = ps.getValue(alphas, inputs.head().getDevice(), training);
        NDArray idx = step.create(computed.stream().mapToLong(Long::longValue).toArray());
        NDArray sum = null;
        for (int i = 0; i < inLen; i++) {
            NDArray x = inputs.get(i).stopGradient(); // sg(x): nothing flows back into x
            NDList outs = new NDList(computed.size());
            for (Block op : ops.get(i)) {
                outs.add(op.forward(ps, new NDList(x), training).head());
            }
            // a row of a parameter lands in the parameter's manager: move it to the step's
            NDArray row = a.get(i);
            row.attach(step);
            NDArray w = row.get(idx).reshape(computed.size(), 1, 1, 1, 1);
            NDArray part = NDArrays.stack(outs).mul(w).sum(new int[] {0});
            sum = sum == null ? part : sum.add(part);
        }
        // s - sg(s): zero forward, identity backward
        return new NDList(sum.sub(sum.stopGradient()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return ops.get(0).get(0).getOutputShapes(new Shape[] {inputShapes[0]});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
        for (int i = 0; i < inLen; i++) {
            for (Block op : ops.get(i)) {
                op.initialize(manager, dataType, inputs[i]);
            }
        }
    }
}
