package org.nas4j.algos.petridish;

import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.desc.EdgeCandidate;
import org.nas4j.core.desc.EdgeReader;
import org.nas4j.core.desc.OpDesc;

/**
 * Reads a {@link PetridishOp} edge: one candidate per (input, primitive) pair, input-major (the
 * order of the saved {@code alphas}), weighted by the absolute value of its weight; {@code none} is
 * never selectable. A candidate's op has the stride of its input.
 */
public final class CandidateEdgeReader implements EdgeReader {
    /** Name of the op parameter listing the primitives. */
    public static final String PRIMITIVES = "primitives";

    /** Name of the op parameter listing each input's stride. */
    public static final String STRIDES = "strides";

    /** Name of the trainable holding the candidate weights. */
    public static final String ALPHAS = "alphas";

    /** The primitive that is weighed but never chosen. */
    public static final String NONE = "none";

    @Override
    public List<EdgeCandidate> candidates(OpDesc op) {
        List<String> prims = op.stringListParam(PRIMITIVES);
        List<Integer> strides = strides(op);
        List<Double> w = op.trainables().get(ALPHAS);
        if (w == null || w.size() != prims.size() * op.inLen()) {
            throw new DescFormatException(
                    "edge op '"
                            + op.name()
                            + "' reads "
                            + op.inLen()
                            + " inputs through "
                            + prims.size()
                            + " primitives but has "
                            + (w == null ? "no saved alphas" : w.size() + " alphas")
                            + "; finalizing needs a search desc saved with its candidate weights.");
        }
        List<EdgeCandidate> out = new ArrayList<>(w.size());
        for (int i = 0; i < op.inLen(); i++) {
            for (int j = 0; j < prims.size(); j++) {
                String name = prims.get(j);
                OpDesc cand = OpDesc.of(name, op.conv(), strides.get(i), op.affine());
                double weight = Math.abs(w.get(i * prims.size() + j));
                out.add(new EdgeCandidate(cand, weight, !NONE.equals(name)));
            }
        }
        return out;
    }

    /** The input (position in the edge's inputs) candidate {@code index} reads. */
    static int inputOf(OpDesc op, int index) {
        return index / op.stringListParam(PRIMITIVES).size();
    }

    /**
     * The stride of each input of {@code op}: its {@code strides} parameter.
     *
     * @throws DescFormatException when it does not list one stride of 1 or 2 per input
     */
    static List<Integer> strides(OpDesc op) {
        Object v = op.params().get(STRIDES);
        List<Integer> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Number n && (n.intValue() == 1 || n.intValue() == 2)) {
                    out.add(n.intValue());
                }
            }
        }
        if (out.size() != op.inLen() || !(v instanceof List<?> l2) || l2.size() != op.inLen()) {
            throw new DescFormatException(
                    "edge op '"
                            + op.name()
                            + "' has in_len "
                            + op.inLen()
                            + " but its '"
                            + STRIDES
                            + "' parameter is "
                            + v
                            + "; it needs one stride (1 or 2) per input.");
        }
        return out;
    }
}
