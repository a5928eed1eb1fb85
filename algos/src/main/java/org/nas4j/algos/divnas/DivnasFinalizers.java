package org.nas4j.algos.divnas;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nas4j.core.ConfException;
import org.nas4j.core.NasException;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.EdgeCandidate;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.EdgeReaders;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.train.PhaseRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * divnas' diversity finalizer: per node, the (edge, op) candidates other than {@code none} are
 * ranked by architecture weight, the top half kept, and of those the {@code max_final_edges} whose
 * activations share the most information with the rest ({@link MutualInfo}, on the {@link
 * NodeKernels} RBF kernel as covariance) become the node's edges. Two chosen candidates on the same
 * edge become one {@code multi_op} edge summing both ops, so a node may end with fewer edges than
 * {@code max_final_edges}.
 *
 * <p>Without {@link #observe} (no activations) it finalizes as DARTS does.
 */
public class DivnasFinalizers extends org.nas4j.search.finalize.Finalizers {
    private static final Logger LOG = LoggerFactory.getLogger(DivnasFinalizers.class);

    private final int activationBatches;
    private final double sigma;
    private final MutualInfo.Search search;
    private NodeKernels kernels;

    /**
     * @param maxFinalEdges candidates each node keeps
     * @param activationBatches training batches whose activations build the kernels
     * @param sigma RBF bandwidth
     * @param search exact or greedy subset search
     * @param readers how searchable edges are read
     */
    public DivnasFinalizers(
            int maxFinalEdges,
            int activationBatches,
            double sigma,
            MutualInfo.Search search,
            EdgeReaders readers) {
        super(maxFinalEdges, readers);
        if (activationBatches < 1 || !(sigma > 0)) {
            throw new ConfException(
                    "nas.search.finalizer.activation_batches must be >= 1 (got "
                            + activationBatches
                            + ") and rbf_sigma > 0 (got "
                            + sigma
                            + ").");
        }
        this.activationBatches = activationBatches;
        this.sigma = sigma;
        this.search = search;
    }

    /**
     * Reads {@code nas.search.finalizer}: {@code max_final_edges}, {@code activation_batches},
     * {@code rbf_sigma} and {@code mi_search} ({@code exact | greedy}).
     */
    public static DivnasFinalizers fromConf(Conf conf, EdgeReaders readers) {
        Conf f = conf.child("nas.search.finalizer");
        return new DivnasFinalizers(
                f.getInt("max_final_edges"),
                f.getInt("activation_batches"),
                f.getDouble("rbf_sigma"),
                MutualInfo.Search.of(f.getString("mi_search")),
                readers);
    }

    @Override
    public void observe(PhaseRun run) {
        NodeKernels k = new NodeKernels(sigma);
        try (NDManager root = NDManager.newBaseManager(run.device())) {
            k.collect(run.model(), run.data().train(), activationBatches, root);
        }
        this.kernels = k;
    }

    /** Uses kernels collected elsewhere (tests). */
    void setKernels(NodeKernels k) {
        this.kernels = k;
    }

    /** A candidate of a node: its edge, primitive, op, architecture weight and kernel row. */
    private record Candidate(int edge, int primitive, OpDesc op, double weight, int row) {}

    @Override
    protected NodeDesc finalizeNode(CellDesc cell, int nodeIndex) {
        NodeKernels.Kernel kernel =
                kernels == null ? null : kernels.kernel(NodeKernels.nodeKey(cell.id(), nodeIndex));
        if (kernel == null) {
            return super.finalizeNode(cell, nodeIndex);
        }
        NodeDesc node = cell.nodes().get(nodeIndex);
        List<Candidate> all = new ArrayList<>();
        for (int j = 0; j < node.edges().size(); j++) {
            List<EdgeCandidate> cs = candidates(cell, nodeIndex, node.edges().get(j));
            for (int p = 0; cs != null && p < cs.size(); p++) {
                EdgeCandidate c = cs.get(p);
                if (c.selectable()) {
                    int row = kernel.keys().indexOf(j * NodeKernels.KEY_STRIDE + p);
                    if (row < 0) {
                        throw new NasException(
                                "Cell "
                                        + cell.id()
                                        + ", node "
                                        + nodeIndex
                                        + ": no activations"
                                        + " were recorded for edge "
                                        + j
                                        + "'s "
                                        + c.name()
                                        + ".");
                    }
                    all.add(new Candidate(j, p, c.op(), c.weight(), row));
                }
            }
        }
        List<Candidate> chosen = choose(all, kernel.mean());
        LOG.debug("Cell {} node {} keeps {}", cell.id(), nodeIndex, chosen);
        return node.withEdges(edges(node, chosen));
    }

    /** The top half by weight, then the subset of the most mutual information. */
    private List<Candidate> choose(List<Candidate> all, double[][] k) {
        List<Candidate> kept =
                all.stream()
                        .sorted(Comparator.comparingDouble(Candidate::weight).reversed())
                        .limit(Math.max(maxFinalEdges(), (all.size() + 1) / 2))
                        .toList();
        double[][] sub = new double[kept.size()][kept.size()];
        for (int a = 0; a < kept.size(); a++) {
            for (int b = 0; b < kept.size(); b++) {
                sub[a][b] = k[kept.get(a).row()][kept.get(b).row()];
            }
        }
        int size = Math.min(maxFinalEdges(), kept.size());
        return MutualInfo.select(sub, size, search).stream().map(kept::get).toList();
    }

    /** The chosen candidates as edges in input order, one {@code multi_op} per shared edge. */
    private static List<EdgeDesc> edges(NodeDesc node, List<Candidate> chosen) {
        Map<Integer, List<Candidate>> byEdge = new TreeMap<>();
        for (Candidate c : chosen) {
            byEdge.computeIfAbsent(c.edge(), e -> new ArrayList<>()).add(c);
        }
        List<EdgeDesc> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Candidate>> e : byEdge.entrySet()) {
            EdgeDesc edge = node.edges().get(e.getKey());
            List<Candidate> cs = new ArrayList<>(e.getValue());
            cs.sort(Comparator.comparingInt(Candidate::primitive));
            if (cs.size() == 1) {
                out.add(edge.withOp(cs.get(0).op()));
            } else {
                OpDesc o = edge.op();
                OpDesc multi =
                        OpDesc.of("multi_op", o.conv(), o.stride(), o.affine())
                                .withChildren(cs.stream().map(Candidate::op).toList(), List.of());
                out.add(edge.withOp(multi));
            }
        }
        out.sort(Comparator.comparingInt(d -> d.inputIds().get(0)));
        return out;
    }
}
