package org.nas4j.core.desc;

import java.util.List;

/** The node-level part of {@link DescValidator}: edges, their inputs and channels, post op. */
final class CellNodesCheck {
    private CellNodesCheck() {}

    static void check(DescValidator v, CellDesc c, String p, int stemCh) {
        List<NodeDesc> nodes = c.nodes();
        for (CellGraph.Problem pr : CellGraph.of(c).problems()) {
            int valid = pr.node() + 1;
            String reason =
                    switch (pr.kind()) {
                        case MISSING, FORWARD -> "";
                        case CYCLE -> " and closes a cycle";
                    };
            throw v.failAt(
                    p
                            + ".nodes["
                            + pr.node()
                            + "].edges["
                            + pr.edge()
                            + "].input_ids["
                            + pr.input()
                            + "]",
                    "= "
                            + pr.inputId()
                            + " points to a state that does not exist or comes later"
                            + reason
                            + " (valid: 0.."
                            + valid
                            + ", where 0 and 1 are the cell inputs and k >= 2 is node k-2).");
        }
        for (int n = 0; n < nodes.size(); n++) {
            NodeDesc node = nodes.get(n);
            String np = p + ".nodes[" + n + "]";
            if (node.conv().chIn() != stemCh) {
                throw v.failAt(
                        np + ".ch_in",
                        "= "
                                + node.conv().chIn()
                                + " does not match the stems' output channels "
                                + stemCh
                                + " ("
                                + p
                                + ".stem0.ch_out).");
            }
            if (c.nodeChannels().get(n) != node.conv().chOut()) {
                throw v.failAt(
                        p + ".node_channels[" + n + "]",
                        "= " + c.nodeChannels().get(n) + " differs from " + np + ".ch_out = "
                                + node.conv().chOut() + ".");
            }
            for (int e = 0; e < node.edges().size(); e++) {
                edge(v, c, node, node.edges().get(e), np + ".edges[" + e + "]", stemCh);
            }
        }
        postOp(v, c, p);
    }

    private static void edge(
            DescValidator v, CellDesc c, NodeDesc node, EdgeDesc edge, String ep, int stemCh) {
        OpDesc op = edge.op();
        v.op(op, ep + ".op");
        // a node sums its edges, so every edge must produce the node's channels
        if (op.conv().chOut() != node.conv().chOut()) {
            throw v.failAt(
                    ep + ".op.ch_out",
                    "= " + op.conv().chOut() + " differs from the node's output channels "
                            + node.conv().chOut() + ".");
        }
        if (edge.inputIds().size() == 1) {
            int id = edge.inputIds().get(0);
            int ch = id < 2 ? stemCh : c.nodeChannels().get(id - 2);
            if (op.conv().chIn() != ch) {
                throw v.failAt(
                        ep + ".op.ch_in",
                        "= " + op.conv().chIn() + " does not match the " + ch
                                + " channels of state " + id + ", which the edge reads.");
            }
        }
    }

    private static void postOp(DescValidator v, CellDesc c, String p) {
        OpDesc post = c.postOp();
        if (post.conv().chOut() != c.outChannels()) {
            throw v.failAt(
                    p + ".post_op.ch_out",
                    "= " + post.conv().chOut() + " differs from " + p + ".out_channels = "
                            + c.outChannels() + ".");
        }
        if (c.conv().chOut() != c.outChannels()) {
            throw v.failAt(
                    p + ".ch_out",
                    "= " + c.conv().chOut() + " differs from " + p + ".out_channels = "
                            + c.outChannels() + ".");
        }
        if (!post.name().equals("concate_channels") && !post.name().equals("proj_channels")) {
            return; // other merges may read their inputs differently; the op checks itself
        }
        int nNodes = c.nodes().size();
        int outStates = post.intParam("out_states", nNodes);
        if (outStates < 1 || outStates > nNodes) {
            throw v.failAt(
                    p + ".post_op.params.out_states",
                    "= " + outStates + " is not a number of the cell's last nodes (valid: 1.."
                            + nNodes + ").");
        }
        int chIn = 0;
        for (int n = nNodes - outStates; n < nNodes; n++) {
            chIn += c.nodeChannels().get(n);
        }
        if (post.conv().chIn() != chIn) {
            throw v.failAt(
                    p + ".post_op.ch_in",
                    "= " + post.conv().chIn() + " does not match the " + chIn
                            + " channels of the last " + outStates + " nodes it merges.");
        }
    }
}
