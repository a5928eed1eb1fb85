package org.nas4j.core.desc;

import java.util.List;

/** The numerically stable softmax that architecture weights are read with. */
public final class Softmax {
    private Softmax() {}

    /** Softmax of {@code logits}. */
    public static double[] of(List<Double> logits) {
        return of(logits.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Softmax of {@code logits}. */
    public static double[] of(double[] logits) {
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
}
