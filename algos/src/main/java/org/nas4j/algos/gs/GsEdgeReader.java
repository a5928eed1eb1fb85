package org.nas4j.algos.gs;

import java.util.List;
import org.nas4j.algos.darts.MixedEdgeReader;
import org.nas4j.core.desc.EdgeCandidate;
import org.nas4j.core.desc.EdgeReader;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.core.desc.Softmax;

/**
 * Reads a saved {@link GsOp} edge: each primitive weighted by the softmax of the edge's own slice
 * of the node logits, i.e. the probability of the op given that the node's draw picks this edge.
 * {@code none} is never selectable. {@link GsFinalizers} ranks across the whole node instead.
 */
public final class GsEdgeReader implements EdgeReader {
    /** Op parameter listing the primitives. */
    public static final String PRIMITIVES = "primitives";

    /** Op parameter: the edge's position in its node. */
    public static final String EDGE_INDEX = "edge_index";

    /** Op parameter: the number of edges of the node. */
    public static final String NODE_EDGES = "node_edges";

    /** Op parameter: Gumbel-softmax draws averaged per pass. */
    public static final String NUM_SAMPLE = "num_sample";

    /** Op parameter: straight-through one-hot draws. */
    public static final String HARD = "hard";

    /** Trainable holding the edge's slice of the node logits. */
    public static final String ALPHAS = "alphas";

    /** The primitive that is never selected. */
    public static final String NONE = "none";

    @Override
    public List<EdgeCandidate> candidates(OpDesc op) {
        return MixedEdgeReader.weighted(
                op, op.stringListParam(PRIMITIVES), Softmax.of(MixedEdgeReader.alphasOf(op)));
    }

    /** The saved logit slice of {@code op}, in primitive order (checked as a mixed edge's). */
    static List<Double> slice(OpDesc op) {
        return MixedEdgeReader.alphasOf(op);
    }
}
