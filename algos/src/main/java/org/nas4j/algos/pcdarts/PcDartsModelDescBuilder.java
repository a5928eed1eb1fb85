package org.nas4j.algos.pcdarts;

import java.util.ArrayList;
import java.util.List;
import org.nas4j.algos.darts.DartsModelDescBuilder;
import org.nas4j.core.ConfException;
import org.nas4j.core.builder.CellContext;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.NodeDesc;

/**
 * The PC-DARTS supernet: the DARTS supernet with every {@code mixed_op} edge replaced by a {@link
 * PcMixedOp} with the same primitives, channel divisor {@code k} and its node's edge count.
 */
public class PcDartsModelDescBuilder extends DartsModelDescBuilder {
    /** Conf key of the channel divisor. */
    public static final String K_KEY = "nas.search.pc_darts.k";

    private final int k;

    /**
     * @param k the channel divisor ({@value #K_KEY}): 1/k of each edge's channels are searched
     * @throws ConfException if {@code k < 1}
     */
    public PcDartsModelDescBuilder(int k) {
        if (k < 1) {
            throw new ConfException(K_KEY + " must be at least 1, got " + k + ".");
        }
        this.k = k;
    }

    @Override
    protected List<NodeDesc> buildNodes(CellContext ctx) {
        if (ctx.nodeCh() % k != 0) {
            throw new ConfException(
                    "Cell "
                            + ctx.cellId()
                            + " has "
                            + ctx.nodeCh()
                            + " channels per node, not a multiple of "
                            + K_KEY
                            + " = "
                            + k
                            + "; choose nas.search.model_desc.init_node_ch as a multiple of k.");
        }
        List<NodeDesc> nodes = new ArrayList<>();
        for (NodeDesc node : super.buildNodes(ctx)) {
            List<EdgeDesc> edges = new ArrayList<>();
            for (EdgeDesc e : node.edges()) {
                edges.add(
                        e.withOp(
                                e.op().withName(PcMixedOp.NAME)
                                        .withParam(PcMixedOp.K, k)
                                        .withParam(PcMixedOp.NODE_EDGES, node.edges().size())));
            }
            nodes.add(node.withEdges(edges));
        }
        return nodes;
    }
}
