package org.nas4j.algos.gs;

import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.DescFormatException;
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
        return weighted(op, Softmax.of(slice(op)));
    }

    /** The saved logit slice of {@code op}, in primitive order. */
    static List<Double> slice(OpDesc op) {
        List<String> primitives = op.stringListParam(PRIMITIVES);
        List<Double> alphas = op.trainables().get(ALPHAS);
        if (alphas == null || alphas.size() != primitives.size()) {
            throw new DescFormatException(
                    "edge op '"
                            + op.name()
                            + "' has "
                            + primitives.size()
                            + " primitives but "
                            + (alphas == null ? "no saved alphas" : alphas.size() + " alphas")
                            + "; finalizing needs a search desc saved with its architecture"
                            + " weights.");
        }
        return alphas;
    }

    /** One candidate per primitive of {@code op}, with weight {@code w[i]}. */
    static List<EdgeCandidate> weighted(OpDesc op, double[] w) {
        List<String> primitives = op.stringListParam(PRIMITIVES);
        List<EdgeCandidate> out = new ArrayList<>(primitives.size());
        for (int i = 0; i < primitives.size(); i++) {
            String name = primitives.get(i);
            out.add(
                    new EdgeCandidate(
                            OpDesc.of(name, op.conv(), op.stride(), op.affine()),
                            w[i],
                            !NONE.equals(name)));
        }
        return out;
    }
}
