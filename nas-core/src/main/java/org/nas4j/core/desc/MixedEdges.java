package org.nas4j.core.desc;

import java.util.List;

/**
 * Reading a weighted-mixture edge (a DARTS {@code mixed_op}) from its description: the primitive
 * names in its {@code primitives} parameter and the architecture weights saved as its {@code
 * alphas} trainable.
 */
public final class MixedEdges {
    /** Name of the op parameter listing a mixed edge's primitives. */
    public static final String PRIMITIVES = "primitives";

    /** Name of the trainable holding a mixed edge's architecture weights. */
    public static final String ALPHAS = "alphas";

    private MixedEdges() {}

    /** Numerically stable softmax. */
    public static double[] softmax(List<Double> logits) {
        return softmax(logits.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Numerically stable softmax. */
    public static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double[] out = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.exp(logits[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    /**
     * Index of the strongest primitive other than {@code none} (the first on ties), or -1 when
     * every primitive is {@code none}.
     */
    public static int strongest(List<String> primitives, double[] weights) {
        int best = -1;
        for (int i = 0; i < weights.length; i++) {
            if (!"none".equals(primitives.get(i)) && (best < 0 || weights[i] > weights[best])) {
                best = i;
            }
        }
        return best;
    }
}
