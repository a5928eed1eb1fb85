package org.nas4j.algos.petridish;

import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.EdgeReaders;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.search.finalize.Finalizers;

/**
 * Finalizes a Petridish child: the candidate node keeps its {@code topK} strongest (input, op)
 * pairs (by the absolute value of their weights, as its reader reads them), one edge per chosen
 * input, a {@code multi_op} where one input has several ops; every other node is already discrete
 * and is kept as it is (no pruning to a number of edges, unlike DARTS).
 */
public class PetridishFinalizers extends Finalizers {
    private final int topK;

    /**
     * @param topK (input, op) pairs the candidate node keeps (the paper and Archai: 3)
     * @param readers how the candidate edge is read (an op registry)
     */
    public PetridishFinalizers(int topK, EdgeReaders readers) {
        super(topK, readers);
        this.topK = topK;
    }

    @Override
    protected NodeDesc finalizeNode(CellDesc cell, int nodeIndex) {
        NodeDesc node = cell.nodes().get(nodeIndex);
        List<EdgeDesc> edges = new ArrayList<>();
        for (EdgeDesc edge : node.edges()) {
            var candidates = candidates(cell, nodeIndex, edge);
            if (candidates == null) {
                edges.add(edge);
            } else {
                edges.addAll(CandidateNode.choose(edge, candidates, topK));
            }
        }
        return node.withEdges(edges);
    }
}
