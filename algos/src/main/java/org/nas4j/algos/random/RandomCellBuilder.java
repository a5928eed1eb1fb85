package org.nas4j.algos.random;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nas4j.core.ConfException;
import org.nas4j.core.builder.CellContext;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;

/**
 * Builds a network of random cells: one random normal cell and one random reduction cell, drawn
 * once from the seed and shared by every cell of their type (as a genotype is). Node {@code i}
 * takes two distinct inputs among the {@code i + 2} earlier states, each through an op drawn from
 * {@code model_desc.primitives} without {@code none}; edges reading the cell inputs of a reduction
 * cell have stride 2.
 */
public class RandomCellBuilder extends ModelDescBuilder {
    /** Name of the primitive a random cell never uses. */
    static final String NONE = "none";

    private final long seed;
    private List<List<int[]>> normal;
    private List<List<int[]>> reduce;

    /**
     * @param seed the seed the cells are drawn from ({@code common.seed})
     */
    public RandomCellBuilder(long seed) {
        this.seed = seed;
    }

    @Override
    protected List<NodeDesc> buildNodes(CellContext ctx) {
        List<String> ops = new ArrayList<>(ctx.params().extraStringList("primitives", null));
        ops.remove(NONE);
        if (ops.isEmpty()) {
            throw new ConfException(
                    "model_desc.primitives lists no op other than 'none'; a random cell needs at"
                            + " least one.");
        }
        int nNodes = ctx.params().nNodes();
        if (normal == null) {
            Random r = new Random(seed);
            normal = draw(r, nNodes, ops.size());
            reduce = draw(r, nNodes, ops.size());
        }
        List<List<int[]>> cell = ctx.isReduction() ? reduce : normal;
        ConvMacroParams conv = ConvMacroParams.of(ctx.nodeCh());
        List<NodeDesc> nodes = new ArrayList<>();
        for (List<int[]> node : cell) {
            List<EdgeDesc> edges = new ArrayList<>();
            for (int[] e : node) {
                int stride = ctx.isReduction() && e[0] < 2 ? 2 : 1;
                edges.add(EdgeDesc.of(OpDesc.of(ops.get(e[1]), conv, stride, ctx.affine()), e[0]));
            }
            nodes.add(new NodeDesc(edges, conv));
        }
        return nodes;
    }

    /** Per node, two (input, op index) pairs with distinct inputs, inputs in increasing order. */
    static List<List<int[]>> draw(Random r, int nNodes, int nOps) {
        List<List<int[]>> cell = new ArrayList<>();
        for (int i = 0; i < nNodes; i++) {
            int states = i + 2;
            int a = r.nextInt(states);
            int b = r.nextInt(states - 1);
            if (b >= a) {
                b++;
            }
            int[] first = {Math.min(a, b), r.nextInt(nOps)};
            int[] second = {Math.max(a, b), r.nextInt(nOps)};
            cell.add(List.of(first, second));
        }
        return cell;
    }
}
