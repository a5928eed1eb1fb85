package org.nas4j.core.viz;

import java.util.List;
import java.util.Locale;
import org.nas4j.core.desc.MixedEdges;
import org.nas4j.core.desc.OpDesc;

/** The text an edge shows: its op, or for a weighted mixture the strongest op and its weight. */
final class EdgeLabel {
    private EdgeLabel() {}

    static String of(OpDesc op) {
        List<String> prims = op.stringListParam(MixedEdges.PRIMITIVES);
        List<Double> alphas = op.trainables().get(MixedEdges.ALPHAS);
        if (prims.isEmpty() || alphas == null || alphas.size() != prims.size()) {
            return op.name();
        }
        double[] w = MixedEdges.softmax(alphas);
        int best = MixedEdges.strongest(prims, w);
        return best < 0 ? "none" : String.format(Locale.ROOT, "%s %.2f", prims.get(best), w[best]);
    }

    /** Every primitive with its weight, one per line, for tooltips; empty for discrete ops. */
    static String detail(OpDesc op) {
        List<String> prims = op.stringListParam(MixedEdges.PRIMITIVES);
        List<Double> alphas = op.trainables().get(MixedEdges.ALPHAS);
        if (prims.isEmpty() || alphas == null || alphas.size() != prims.size()) {
            return "";
        }
        double[] w = MixedEdges.softmax(alphas);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            sb.append(String.format(Locale.ROOT, "%s: %.3f%n", prims.get(i), w[i]));
        }
        return sb.toString().trim();
    }
}
