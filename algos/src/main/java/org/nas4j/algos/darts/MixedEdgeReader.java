package org.nas4j.algos.darts;

import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.desc.EdgeCandidate;
import org.nas4j.core.desc.EdgeReader;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.core.desc.Softmax;

/**
 * Reads a {@link MixedOp} edge: each primitive of its {@code primitives} parameter weighted by the
 * softmax of its saved {@code alphas}; {@code none} keeps its weight but is never selectable, as in
 * DARTS's genotype derivation.
 */
public final class MixedEdgeReader implements EdgeReader {
    /** Name of the op parameter listing a mixed edge's primitives. */
    public static final String PRIMITIVES = "primitives";

    /** Name of the trainable holding a mixed edge's architecture weights. */
    public static final String ALPHAS = "alphas";

    /** The primitive a mixed edge can weigh but never become. */
    public static final String NONE = "none";

    @Override
    public List<EdgeCandidate> candidates(OpDesc op) {
        return weighted(op, op.stringListParam(PRIMITIVES), Softmax.of(alphasOf(op)));
    }

    /**
     * The saved {@code alphas} of {@code op}, one per primitive.
     *
     * @throws DescFormatException when they are missing or do not match the primitives
     */
    public static List<Double> alphasOf(OpDesc op) {
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
    public static List<EdgeCandidate> weighted(OpDesc op, List<String> primitives, double[] w) {
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
