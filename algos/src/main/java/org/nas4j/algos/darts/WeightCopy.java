package org.nas4j.algos.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.ops.Scalars;

/**
 * Copies of some parameters' values, to move the parameters to {@code copy + r * direction} and
 * back to the copy exactly (the unrolled DARTS step visits several weight points and must leave the
 * weights as they were, bit for bit).
 *
 * <p>Every change is in place, so the parameters keep their arrays (and their gradient storage and
 * optimizer state); call it outside a gradient collector.
 */
final class WeightCopy {
    private static final NDIndex ALL = new NDIndex("...");

    private final List<NDArray> targets = new ArrayList<>();
    private final List<NDArray> copies = new ArrayList<>();

    /** Copies the values of {@code params} into arrays owned by {@code into}. */
    WeightCopy(List<Parameter> params, NDManager into) {
        for (Parameter p : params) {
            NDArray a = p.getArray();
            NDArray c = a.duplicate();
            c.attach(into);
            targets.add(a);
            copies.add(c);
        }
    }

    /** Number of parameters copied. */
    int size() {
        return targets.size();
    }

    /** The copy of parameter {@code i}. */
    NDArray copy(int i) {
        return copies.get(i);
    }

    /**
     * Sets parameter {@code i} to {@code copy + r * direction.get(i)} for every {@code i}; {@code
     * direction} holds arrays of the parameters' shapes (entries may be {@code null}: copy only).
     */
    void moveAlong(List<NDArray> direction, double r, NDManager scratch) {
        NDArray rArray = null; // one tensor for all parameters (see Scalars)
        for (int i = 0; i < targets.size(); i++) {
            NDArray d = direction.get(i);
            if (d == null) {
                assign(targets.get(i), copies.get(i));
                continue;
            }
            if (rArray == null) {
                rArray = Scalars.of(scratch, d, r);
            }
            NDArray step = d.mul(rArray);
            step.attach(scratch);
            NDArray moved = copies.get(i).add(step);
            moved.attach(scratch);
            assign(targets.get(i), moved);
        }
    }

    /** Sets every parameter back to its copy, exactly. */
    void restore() {
        for (int i = 0; i < targets.size(); i++) {
            assign(targets.get(i), copies.get(i));
        }
    }

    /** Copies {@code src} into {@code target} in place (one copy kernel, no host round trip). */
    static void assign(NDArray target, NDArray src) {
        target.set(ALL, src);
    }
}
