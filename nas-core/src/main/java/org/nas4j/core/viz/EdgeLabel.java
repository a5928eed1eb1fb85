package org.nas4j.core.viz;

import java.util.List;
import java.util.Locale;
import org.nas4j.core.desc.OpDesc;

/** The text an edge shows: its op, or for a weighted mixture the strongest op and its weight. */
final class EdgeLabel {
    private EdgeLabel() {}

    static String of(OpDesc op) {
        List<String> prims = op.stringListParam("primitives");
        List<Double> alphas = op.trainables().get("alphas");
        if (prims.isEmpty() || alphas == null || alphas.size() != prims.size()) {
            return op.name();
        }
        double[] w = softmax(alphas);
        int best = -1;
        for (int i = 0; i < w.length; i++) {
            if (!"none".equals(prims.get(i)) && (best < 0 || w[i] > w[best])) {
                best = i;
            }
        }
        return best < 0 ? "none" : String.format(Locale.ROOT, "%s %.2f", prims.get(best), w[best]);
    }

    /** Every primitive with its weight, one per line, for tooltips; empty for discrete ops. */
    static String detail(OpDesc op) {
        List<String> prims = op.stringListParam("primitives");
        List<Double> alphas = op.trainables().get("alphas");
        if (prims.isEmpty() || alphas == null || alphas.size() != prims.size()) {
            return "";
        }
        double[] w = softmax(alphas);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            sb.append(String.format(Locale.ROOT, "%s: %.3f%n", prims.get(i), w[i]));
        }
        return sb.toString().trim();
    }

    static double[] softmax(List<Double> logits) {
        double max = logits.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double[] out = new double[logits.size()];
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.exp(logits.get(i) - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }
}
