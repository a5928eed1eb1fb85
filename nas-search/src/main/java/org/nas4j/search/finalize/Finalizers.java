package org.nas4j.search.finalize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.MixedEdges;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;

/**
 * Prunes each node of a searched desc to its {@code maxFinalEdges} best incoming edges, as DARTS
 * derives its genotype: an edge whose op is a weighted mixture ranks by its strongest non-{@code
 * none} op weight (softmax of the saved {@code alphas}) and becomes that op.
 *
 * <p>The desc must carry architecture weights (see {@code org.nas4j.ops.ArchWeights}). Subclasses
 * change how an edge is chosen by overriding {@link #chooseEdge}: {@code class MyFinalizers extends
 * Finalizers { protected EdgeChoice chooseEdge(...) {...} }}
 */
public class Finalizers {
    /** Name of the op parameter listing a mixed edge's primitives. */
    public static final String PRIMITIVES = MixedEdges.PRIMITIVES;

    /** Name of the trainable holding a mixed edge's architecture weights. */
    public static final String ALPHAS = MixedEdges.ALPHAS;

    private final int maxFinalEdges;

    public Finalizers(int maxFinalEdges) {
        if (maxFinalEdges < 1) {
            throw new IllegalArgumentException(
                    "max_final_edges must be at least 1, got " + maxFinalEdges);
        }
        this.maxFinalEdges = maxFinalEdges;
    }

    public int maxFinalEdges() {
        return maxFinalEdges;
    }

    /** The final desc: every cell's nodes pruned and their edges made discrete. */
    public ModelDesc finalizeModel(ModelDesc searched) {
        List<CellDesc> cells = new ArrayList<>();
        for (CellDesc cell : searched.cells()) {
            cells.add(finalizeCell(cell));
        }
        return searched.withCells(cells);
    }

    /** One cell with each node finalized. */
    protected CellDesc finalizeCell(CellDesc cell) {
        List<NodeDesc> nodes = new ArrayList<>();
        for (int i = 0; i < cell.nodes().size(); i++) {
            nodes.add(finalizeNode(cell, i));
        }
        return cell.withNodes(nodes);
    }

    /** One node: its edges chosen, ranked and cut to {@code maxFinalEdges}, in input order. */
    protected NodeDesc finalizeNode(CellDesc cell, int nodeIndex) {
        NodeDesc node = cell.nodes().get(nodeIndex);
        List<EdgeChoice> choices = new ArrayList<>();
        for (EdgeDesc edge : node.edges()) {
            choices.add(chooseEdge(cell, nodeIndex, edge));
        }
        List<EdgeChoice> kept =
                choices.stream()
                        .sorted(Comparator.comparingDouble(EdgeChoice::rank).reversed())
                        .limit(maxFinalEdges)
                        .sorted(Comparator.comparingInt(c -> c.edge().inputIds().get(0)))
                        .toList();
        return node.withEdges(kept.stream().map(EdgeChoice::edge).toList());
    }

    /** The op an edge becomes and its rank; edges that are already discrete keep their op. */
    protected EdgeChoice chooseEdge(CellDesc cell, int nodeIndex, EdgeDesc edge) {
        OpDesc op = edge.op();
        List<String> primitives = op.stringListParam(PRIMITIVES);
        if (primitives.isEmpty()) {
            return new EdgeChoice(edge, Double.NEGATIVE_INFINITY);
        }
        List<Double> alphas = op.trainables().get(ALPHAS);
        if (alphas == null || alphas.size() != primitives.size()) {
            throw new DescFormatException(
                    "Cell "
                            + cell.id()
                            + ", node "
                            + nodeIndex
                            + ": edge op '"
                            + op.name()
                            + "' has "
                            + primitives.size()
                            + " primitives but "
                            + (alphas == null ? "no saved alphas" : alphas.size() + " alphas")
                            + "; finalizing needs a search desc saved with its architecture weights.");
        }
        double[] w = MixedEdges.softmax(alphas);
        int best = MixedEdges.strongest(primitives, w);
        if (best < 0) {
            return new EdgeChoice(edge, Double.NEGATIVE_INFINITY);
        }
        return new EdgeChoice(edge.withOp(discreteOp(op, primitives.get(best))), w[best]);
    }

    /** The primitive {@code name} with the mixed op's channels, stride and affinity. */
    protected static OpDesc discreteOp(OpDesc mixed, String name) {
        return OpDesc.of(name, mixed.conv(), mixed.stride(), mixed.affine());
    }

    /** Numerically stable softmax (see {@link MixedEdges#softmax}). */
    public static double[] softmax(List<Double> logits) {
        return MixedEdges.softmax(logits);
    }
}
