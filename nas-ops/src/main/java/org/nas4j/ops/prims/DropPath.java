package org.nas4j.ops.prims;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.nas4j.core.NasException;
import org.nas4j.ops.Scalars;

/**
 * Drop path (Larsson et al., FractalNet; used by DARTS in evaluation): in training, each sample's
 * output of an edge is dropped with probability {@code p} and the kept ones are scaled by {@code
 * 1/(1-p)}; at inference it is the identity.
 *
 * <p>The probability is changed while training (DARTS raises it linearly over epochs) with {@link
 * #setDropProb}. The random mask comes from DJL's generator, so {@code
 * Engine.getInstance().setRandomSeed} makes it reproducible. Not a registered op: the network wraps
 * an edge's op with it when {@link #appliesTo} the op's name.
 */
public final class DropPath extends AbstractBlock {
    private static final Set<String> EXEMPT = Set.of("none", "skip_connect", "identity");

    private volatile float dropProb;

    /** A drop path that starts with probability {@code dropProb}. */
    public DropPath(float dropProb) {
        setDropProb(dropProb);
    }

    /** Whether an edge with op {@code opName} gets drop path (never skip, identity or none). */
    public static boolean appliesTo(String opName) {
        return !EXEMPT.contains(opName);
    }

    /** Sets the probability of dropping a sample's path, in {@code [0, 1)}. */
    public void setDropProb(float p) {
        if (!(p >= 0f && p < 1f)) {
            throw new NasException(
                    "Drop-path probability " + p + " is out of range; it must be in [0, 1).");
        }
        this.dropProb = p;
    }

    /** The current probability of dropping a sample's path. */
    public float getDropProb() {
        return dropProb;
    }

    /** Applies drop path with probability {@code p} to {@code x} (samples on axis 0). */
    public static NDArray apply(NDArray x, float p) {
        if (p <= 0f) {
            return x;
        }
        return x.mul(mask(x, p));
    }

    /**
     * A random mask for {@code x} (samples on axis 0): one value per sample, 0 with probability
     * {@code p}, else {@code 1/(1-p)}; shaped {@code [N, 1, ...]} to broadcast over {@code x}.
     */
    public static NDArray mask(NDArray x, float p) {
        float keep = 1f - p;
        Shape s = x.getShape();
        long[] maskDims = new long[s.dimension()];
        Arrays.fill(maskDims, 1);
        maskDims[0] = s.get(0);
        NDManager m = x.getManager();
        NDArray keepArray = Scalars.of(m, x, keep); // a number operand would be a copy to the GPU
        NDArray mask =
                m.randomUniform(0f, 1f, new Shape(maskDims), x.getDataType(), x.getDevice())
                        .lt(keepArray)
                        .toType(x.getDataType(), false)
                        .div(keepArray);
        return mask;
    }

    /**
     * The masks of one forward pass, recorded in the order its edges drew them and replayed by a
     * second pass over the same cells, which so drops the same paths: a network that recomputes
     * part of its forward pass in the backward ({@code checkpoint_cells}) gets the activations of
     * the first pass again. Passed to the cells in the forward's {@code params}.
     */
    public static final class Tape implements AutoCloseable {
        /** The key under which a network passes the tape to its cells. */
        public static final String PARAM = "nas4j.drop_path_tape";

        private final List<NDArray> masks = new ArrayList<>();
        private int next = -1;

        /** The tape {@code params} carry, or null. */
        public static Tape from(PairList<String, Object> params) {
            Object o = params == null ? null : params.get(PARAM);
            return o instanceof Tape t ? t : null;
        }

        /** Closes the recorded masks. */
        @Override
        public void close() {
            for (NDArray m : masks) {
                m.close();
            }
            masks.clear();
        }

        /** From now on, hands out the recorded masks from the first. */
        public void replay() {
            next = 0;
        }

        /** Drop path of {@code x} with probability {@code p}: a new mask, or the next recorded. */
        public NDArray apply(NDArray x, float p) {
            if (p <= 0f) {
                return x;
            }
            NDArray m;
            if (next < 0) {
                m = mask(x, p);
                masks.add(m);
            } else if (next < masks.size()) {
                m = masks.get(next++);
            } else {
                throw new IllegalStateException(
                        "The replayed pass drops more paths ("
                                + (next + 1)
                                + ") than the recorded one ("
                                + masks.size()
                                + "): the two passes must run the same cells.");
            }
            return x.mul(m);
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        if (!training) {
            return new NDList(inputs.head());
        }
        return new NDList(apply(inputs.head(), dropProb));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
