package org.nas4j.core.desc;

import java.util.List;

/**
 * How the edges of one searchable op are read: its candidate discrete ops and the weight the search
 * learnt for each. The package that defines a searchable op registers its reader with the op (see
 * {@code org.nas4j.ops.OpRegistry#registerSearchable}); finalizers, drawings and the report ask the
 * reader and never look into an op's parameters themselves.
 *
 * <pre>{@code
 * EdgeReader reader = op -> {
 *     List<String> names = op.stringListParam("primitives");
 *     double[] w = Softmax.of(op.trainables().get("alphas"));
 *     ... one EdgeCandidate per name ...
 * };
 * }</pre>
 */
@FunctionalInterface
public interface EdgeReader {
    /**
     * The candidates of the searchable edge {@code op}, in the op's own order.
     *
     * @throws org.nas4j.core.DescFormatException when {@code op} lacks what the reader needs (for
     *     instance a search desc saved without its architecture weights)
     */
    List<EdgeCandidate> candidates(OpDesc op);

    /** The selectable candidate with the largest weight (the first on ties), or null when none. */
    static EdgeCandidate strongest(List<EdgeCandidate> candidates) {
        EdgeCandidate best = null;
        for (EdgeCandidate c : candidates) {
            if (c.selectable() && (best == null || c.weight() > best.weight())) {
                best = c;
            }
        }
        return best;
    }
}
