package org.nas4j.algos.pcdarts;

import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.EdgeReaders;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.core.desc.Softmax;
import org.nas4j.search.finalize.EdgeChoice;
import org.nas4j.search.finalize.Finalizers;

/**
 * PC-DARTS's genotype derivation: each edge becomes its strongest non-{@code none} primitive, and a
 * node keeps the edges with the largest {@code softmax(beta)[edge] * max softmax(alphas)}, the
 * softmax of the betas running over the node's {@code pc_mixed_op} edges.
 */
public class PcDartsFinalizers extends Finalizers {
    /**
     * @param maxFinalEdges edges each node keeps
     * @param readers how searchable edges are read
     */
    public PcDartsFinalizers(int maxFinalEdges, EdgeReaders readers) {
        super(maxFinalEdges, readers);
    }

    @Override
    protected NodeDesc finalizeNode(CellDesc cell, int nodeIndex) {
        NodeDesc node = cell.nodes().get(nodeIndex);
        double[] share = edgeShares(cell, nodeIndex);
        List<EdgeChoice> choices = new ArrayList<>();
        for (int j = 0; j < node.edges().size(); j++) {
            EdgeChoice c = chooseEdge(cell, nodeIndex, node.edges().get(j));
            choices.add(Double.isNaN(share[j]) ? c : new EdgeChoice(c.edge(), c.rank() * share[j]));
        }
        return node.withEdges(topEdges(choices, maxFinalEdges()));
    }

    /**
     * Each edge's {@code softmax(beta)} share among the node's {@code pc_mixed_op} edges; NaN for
     * an edge of another op (its rank is left as it is).
     *
     * @throws DescFormatException if a {@code pc_mixed_op} edge has no saved beta
     */
    public static double[] edgeShares(CellDesc cell, int nodeIndex) {
        List<EdgeDesc> edges = cell.nodes().get(nodeIndex).edges();
        double[] share = new double[edges.size()];
        List<Double> betas = new ArrayList<>();
        for (int j = 0; j < edges.size(); j++) {
            OpDesc op = edges.get(j).op();
            share[j] = Double.NaN;
            if (PcMixedOp.NAME.equals(op.name())) {
                List<Double> beta = op.trainables().get(PcMixedOp.BETA);
                if (beta == null || beta.size() != 1) {
                    throw new DescFormatException(
                            "Cell "
                                    + cell.id()
                                    + ", node "
                                    + nodeIndex
                                    + ", edge "
                                    + j
                                    + ": a pc_mixed_op needs one saved '"
                                    + PcMixedOp.BETA
                                    + "' value to be finalized, found "
                                    + beta
                                    + "; finalize a search desc saved with its architecture"
                                    + " weights.");
                }
                betas.add(beta.get(0));
            }
        }
        double[] w = betas.isEmpty() ? new double[0] : Softmax.of(betas);
        for (int j = 0, b = 0; j < edges.size(); j++) {
            if (PcMixedOp.NAME.equals(edges.get(j).op().name())) {
                share[j] = w[b++];
            }
        }
        return share;
    }
}
