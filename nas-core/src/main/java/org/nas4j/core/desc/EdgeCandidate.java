package org.nas4j.core.desc;

/**
 * One discrete choice of a searchable edge: the op the edge would become and the weight the search
 * gave it.
 *
 * @param op the discrete op, with the searchable op's channels, stride and affinity
 * @param weight the strength the search learnt for it (for DARTS, its softmax weight); finalizers
 *     keep the strongest, drawings and reports show it
 * @param selectable whether a finalizer may keep it ({@code false} for DARTS's {@code none}, whose
 *     weight counts in the mixture but which never becomes an edge)
 */
public record EdgeCandidate(OpDesc op, double weight, boolean selectable) {
    /** The candidate op's name. */
    public String name() {
        return op.name();
    }
}
