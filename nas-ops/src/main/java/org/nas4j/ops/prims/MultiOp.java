package org.nas4j.ops.prims;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.OpContext;

/**
 * {@code multi_op}: several child ops, each applied to its chosen inputs ({@code childrenIns}),
 * their outputs merged by param {@code merge}: {@code sum} (default) or {@code concat} (on
 * channels).
 *
 * <p>Children are built through the registry, so any registered op may be a child. Child {@code i}
 * gets the architecture-weight key {@code <key>.<i>}, so children that own architecture weights do
 * not collide. Without {@code childrenIns} every child reads every input.
 */
public final class MultiOp extends AbstractBlock {
    private final List<Block> ops = new ArrayList<>();
    private final List<int[]> ins = new ArrayList<>();
    private final boolean concat;

    /** Builds the children of {@code desc} with {@code ctx}'s registry. */
    public MultiOp(OpDesc desc, OpContext ctx) {
        String merge = desc.stringParam("merge", "sum");
        if (!merge.equals("sum") && !merge.equals("concat")) {
            throw new NasException(
                    "Op '"
                            + desc.name()
                            + "' has param merge='"
                            + merge
                            + "'; valid values are 'sum' and 'concat'.");
        }
        this.concat = merge.equals("concat");
        if (desc.children().isEmpty()) {
            throw new NasException(
                    "Op '" + desc.name() + "' has no children; it needs at least one.");
        }
        if (!desc.childrenIns().isEmpty() && desc.childrenIns().size() != desc.children().size()) {
            throw new NasException(
                    "Op '"
                            + desc.name()
                            + "' has "
                            + desc.children().size()
                            + " children but "
                            + desc.childrenIns().size()
                            + " childrenIns lists; give one input list per child or none.");
        }
        for (int i = 0; i < desc.children().size(); i++) {
            OpDesc child = desc.children().get(i);
            OpContext childCtx = ctx.withArchKey(ctx.archKey() + "." + i);
            ops.add(addChildBlock(child.name(), ctx.registry().create(child, childCtx)));
            ins.add(inputsOf(desc, i));
        }
    }

    private static int[] inputsOf(OpDesc desc, int child) {
        if (desc.childrenIns().isEmpty()) {
            int[] all = new int[desc.inLen()];
            for (int j = 0; j < all.length; j++) {
                all[j] = j;
            }
            return all;
        }
        List<Integer> chosen = desc.childrenIns().get(child);
        int[] out = new int[chosen.size()];
        for (int j = 0; j < out.length; j++) {
            int idx = chosen.get(j);
            if (idx < 0 || idx >= desc.inLen()) {
                throw new NasException(
                        "Op '"
                                + desc.name()
                                + "' child "
                                + child
                                + " reads input "
                                + idx
                                + " but the op has in_len "
                                + desc.inLen()
                                + "; valid inputs are 0.."
                                + (desc.inLen() - 1)
                                + ".");
            }
            out[j] = idx;
        }
        return out;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList outs = new NDList(ops.size());
        for (int i = 0; i < ops.size(); i++) {
            NDList chosen = new NDList();
            for (int j : ins.get(i)) {
                chosen.add(inputs.get(j));
            }
            outs.add(ops.get(i).forward(ps, chosen, training, params).head());
        }
        if (concat) {
            return new NDList(outs.size() == 1 ? outs.head() : NDArrays.concat(outs, 1));
        }
        NDArray sum = outs.head();
        for (int i = 1; i < outs.size(); i++) {
            sum = sum.add(outs.get(i));
        }
        return new NDList(sum);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
        for (int i = 0; i < ops.size(); i++) {
            ops.get(i).initialize(manager, dataType, chosen(inputs, i));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape first = ops.get(0).getOutputShapes(chosen(inputShapes, 0))[0];
        if (!concat) {
            return new Shape[] {first};
        }
        long channels = 0;
        for (int i = 0; i < ops.size(); i++) {
            channels += ops.get(i).getOutputShapes(chosen(inputShapes, i))[0].get(1);
        }
        long[] dims = first.getShape().clone();
        dims[1] = channels;
        return new Shape[] {new Shape(dims)};
    }

    private Shape[] chosen(Shape[] inputs, int child) {
        int[] idx = ins.get(child);
        Shape[] out = new Shape[idx.length];
        for (int j = 0; j < idx.length; j++) {
            out[j] = inputs[idx[j]];
        }
        return out;
    }
}
