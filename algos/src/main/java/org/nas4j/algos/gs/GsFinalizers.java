package org.nas4j.algos.gs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.EdgeReaders;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.core.desc.Softmax;
import org.nas4j.search.finalize.Finalizers;

/**
 * Finalizes a Gumbel-softmax node: the softmax of the node's logits over all its (edge, op) pairs
 * ranks the pairs; the {@code maxFinalEdges} most probable non-{@code none} pairs are kept (ties go
 * to the earlier edge, then the earlier primitive). Two kept pairs on one edge make that edge a
 * {@code multi_op} summing both ops; a single kept pair makes the plain op. A node may thus keep
 * fewer edges than pairs. Nodes that are not all {@code gs_op} are finalized as by {@link
 * Finalizers}.
 */
public class GsFinalizers extends Finalizers {
    /** Name of the op that sums several ops on one edge. */
    static final String MULTI_OP = "multi_op";

    /**
     * @param maxFinalEdges (edge, op) pairs each node keeps
     * @param readers how other searchable edges are read
     */
    public GsFinalizers(int maxFinalEdges, EdgeReaders readers) {
        super(maxFinalEdges, readers);
    }

    @Override
    protected NodeDesc finalizeNode(CellDesc cell, int nodeIndex) {
        NodeDesc node = cell.nodes().get(nodeIndex);
        if (node.edges().isEmpty()
                || !node.edges().stream().allMatch(e -> GsOp.NAME.equals(e.op().name()))) {
            return super.finalizeNode(cell, nodeIndex);
        }
        List<Double> logits = new ArrayList<>();
        List<int[]> pairs = new ArrayList<>();
        for (int e = 0; e < node.edges().size(); e++) {
            OpDesc op = node.edges().get(e).op();
            List<Double> slice;
            try {
                slice = GsEdgeReader.slice(op);
            } catch (DescFormatException ex) {
                throw new DescFormatException(
                        "Cell " + cell.id() + ", node " + nodeIndex + ": " + ex.getMessage(), ex);
            }
            List<String> prims = op.stringListParam(GsEdgeReader.PRIMITIVES);
            for (int k = 0; k < slice.size(); k++) {
                if (!GsEdgeReader.NONE.equals(prims.get(k))) {
                    pairs.add(new int[] {e, k, logits.size()});
                }
                logits.add(slice.get(k));
            }
        }
        double[] p = Softmax.of(logits);
        // a stable sort keeps (edge, primitive) order among equal probabilities
        List<int[]> kept =
                pairs.stream()
                        .sorted(Comparator.comparingDouble((int[] a) -> -p[a[2]]))
                        .limit(maxFinalEdges())
                        .toList();
        Map<Integer, List<Integer>> byEdge = new TreeMap<>();
        for (int[] pair : kept) {
            byEdge.computeIfAbsent(pair[0], e -> new ArrayList<>()).add(pair[1]);
        }
        List<EdgeDesc> edges = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : byEdge.entrySet()) {
            EdgeDesc edge = node.edges().get(e.getKey());
            edges.add(edge.withOp(finalOp(edge.op(), e.getValue())));
        }
        return node.withEdges(edges);
    }

    /** The plain op of one kept primitive, or a {@code multi_op} summing several. */
    static OpDesc finalOp(OpDesc gsOp, List<Integer> primIndices) {
        List<String> prims = gsOp.stringListParam(GsEdgeReader.PRIMITIVES);
        List<OpDesc> ops = new ArrayList<>();
        for (int k : primIndices.stream().sorted().toList()) {
            ops.add(OpDesc.of(prims.get(k), gsOp.conv(), gsOp.stride(), gsOp.affine()));
        }
        if (ops.size() == 1) {
            return ops.get(0);
        }
        return OpDesc.of(MULTI_OP, gsOp.conv(), gsOp.stride(), gsOp.affine())
                .withChildren(ops, List.of());
    }
}
