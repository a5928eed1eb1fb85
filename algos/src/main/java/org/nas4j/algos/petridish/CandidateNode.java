package org.nas4j.algos.petridish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.EdgeCandidate;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;

/**
 * How a Petridish child differs from its parent: in every cell a candidate node is inserted before
 * the last node, reading every earlier state through a {@link PetridishOp}, and the last node gets
 * a {@code skip_connect} edge from it (the paper adds the candidate to its target layer, here the
 * cell's last node; its forward value is zero, so the child computes what the parent computes).
 * After the search the candidate edge becomes the {@code k} strongest (input, op) pairs: one edge
 * per chosen input, a {@code multi_op} summing that input's ops when it has several.
 */
public final class CandidateNode {
    /** The op linking the candidate node to the cell's last node. */
    static final String LINK_OP = "skip_connect";

    /** The op summing several chosen ops on one input. */
    static final String MULTI_OP = "multi_op";

    private CandidateNode() {}

    /**
     * {@code parent} with a candidate node in every cell. The post op is rebuilt by {@code postOps}
     * (it merges every node, so its input channels grow).
     */
    public static ModelDesc grow(ModelDesc parent, List<String> primitives, PostOps postOps) {
        List<CellDesc> cells = new ArrayList<>();
        for (CellDesc cell : parent.cells()) {
            cells.add(grow(cell, primitives, postOps));
        }
        return parent.withCells(cells);
    }

    /** Rebuilds a cell's post op for a new list of nodes. */
    @FunctionalInterface
    public interface PostOps {
        /** The post op of {@code cell} once its nodes are {@code nodes}. */
        OpDesc postOp(CellDesc cell, List<NodeDesc> nodes);
    }

    private static CellDesc grow(CellDesc cell, List<String> primitives, PostOps postOps) {
        int n = cell.nodes().size();
        if (n == 0) {
            throw new DescFormatException(
                    "Cell " + cell.id() + " has no node; Petridish grows cells of at least one.");
        }
        NodeDesc last = cell.nodes().get(n - 1);
        int ch = last.conv().chOut();
        ConvMacroParams conv = ConvMacroParams.of(ch);
        boolean affine = cell.stem1().affine();
        List<Integer> inputs = new ArrayList<>();
        List<Double> strides = new ArrayList<>();
        for (int id = 0; id < n + 1; id++) { // states 0..n: the inputs and nodes 0..n-2
            inputs.add(id);
            strides.add(cell.isReduction() && id < 2 ? 2.0 : 1.0);
        }
        OpDesc cand =
                OpDesc.of(PetridishOp.NAME, conv, 1, affine)
                        .withInLen(inputs.size())
                        .withParam(CandidateEdgeReader.PRIMITIVES, primitives)
                        .withParam(CandidateEdgeReader.STRIDES, strides);
        NodeDesc candidate = new NodeDesc(List.of(new EdgeDesc(cand, inputs)), conv);
        List<EdgeDesc> lastEdges = new ArrayList<>(last.edges());
        lastEdges.add(EdgeDesc.of(OpDesc.of(LINK_OP, conv, 1, affine), n + 1));
        List<NodeDesc> nodes = new ArrayList<>(cell.nodes().subList(0, n - 1));
        nodes.add(candidate);
        nodes.add(last.withEdges(lastEdges));
        return withNodes(cell, nodes, postOps);
    }

    /** {@code cell} with {@code nodes}, its node channels and post op following them. */
    static CellDesc withNodes(CellDesc cell, List<NodeDesc> nodes, PostOps postOps) {
        OpDesc post = postOps.postOp(cell, nodes);
        return new CellDesc(
                cell.id(),
                cell.cellType(),
                new ConvMacroParams(cell.conv().chIn(), post.conv().chOut()),
                cell.stem0(),
                cell.stem1(),
                nodes,
                nodes.stream().map(x -> x.conv().chOut()).toList(),
                post,
                post.conv().chOut(),
                cell.trainablesFrom());
    }

    /**
     * The final edges of a candidate edge: its {@code k} strongest selectable candidates (ties to
     * the earlier input, then the earlier primitive), one edge per chosen input in input order.
     *
     * @param edge the candidate edge, its weights saved
     * @param candidates what its reader reads, input-major
     */
    static List<EdgeDesc> choose(EdgeDesc edge, List<EdgeCandidate> candidates, int k) {
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            if (candidates.get(c).selectable()) {
                order.add(c);
            }
        }
        // stable: equal weights keep input-major order
        order.sort(Comparator.comparingDouble((Integer c) -> -candidates.get(c).weight()));
        Map<Integer, List<OpDesc>> byInput = new TreeMap<>();
        for (int c : order.subList(0, Math.min(k, order.size()))) {
            int state = edge.inputIds().get(CandidateEdgeReader.inputOf(edge.op(), c));
            byInput.computeIfAbsent(state, s -> new ArrayList<>()).add(candidates.get(c).op());
        }
        List<EdgeDesc> out = new ArrayList<>();
        for (Map.Entry<Integer, List<OpDesc>> e : byInput.entrySet()) {
            List<OpDesc> ops = e.getValue();
            OpDesc first = ops.get(0);
            OpDesc op =
                    ops.size() == 1
                            ? first
                            : OpDesc.of(MULTI_OP, first.conv(), first.stride(), first.affine())
                                    .withChildren(ops, List.of());
            out.add(EdgeDesc.of(op, e.getKey()));
        }
        return out;
    }
}
