package org.nas4j.algos.xnas;

import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.desc.EdgeCandidate;
import org.nas4j.core.desc.EdgeReader;
import org.nas4j.core.desc.OpDesc;

/**
 * Reads an {@link XnasOp} edge: each primitive weighted by its expert weight {@code a_k / sum_j
 * a_j}. Wiped-out experts and {@code none} are never selectable; a wiped expert keeps the weight it
 * had when it was wiped in the sum, so an edge whose winner beat strong rivals ranks above one
 * whose rivals were weak, even after the last update has wiped all but the winner.
 */
public final class XnasEdgeReader implements EdgeReader {
    /** Name of the op parameter listing an edge's primitives. */
    public static final String PRIMITIVES = "primitives";

    /** Trainable with the normalised weights the forward pass uses. */
    public static final String WEIGHTS = "weights";

    /** Trainable with the experts' {@code log a_k}. */
    public static final String LOG_WEIGHTS = "log_weights";

    /** Trainable with 1 for each wiped-out expert, else 0. */
    public static final String WIPED = "wiped";

    /** The primitive an edge can weigh but never become. */
    public static final String NONE = "none";

    @Override
    public List<EdgeCandidate> candidates(OpDesc op) {
        List<String> primitives = op.stringListParam(PRIMITIVES);
        double[] logA = saved(op, LOG_WEIGHTS, primitives.size());
        double[] mask = saved(op, WIPED, primitives.size());
        boolean[] wiped = new boolean[mask.length];
        for (int k = 0; k < mask.length; k++) {
            wiped[k] = mask[k] >= 0.5;
        }
        double[] w = ExpertWeights.normalized(logA, wiped, true);
        List<EdgeCandidate> out = new ArrayList<>(primitives.size());
        for (int k = 0; k < primitives.size(); k++) {
            String name = primitives.get(k);
            out.add(
                    new EdgeCandidate(
                            OpDesc.of(name, op.conv(), op.stride(), op.affine()),
                            w[k],
                            !wiped[k] && !NONE.equals(name)));
        }
        return out;
    }

    private static double[] saved(OpDesc op, String key, int n) {
        List<Double> v = op.trainables().get(key);
        if (v == null || v.size() != n) {
            throw new DescFormatException(
                    "edge op '"
                            + op.name()
                            + "' has "
                            + n
                            + " primitives but "
                            + (v == null ? "no saved '" + key + "'" : v.size() + " '" + key + "'")
                            + "; finalizing needs a search desc saved with its expert weights.");
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
