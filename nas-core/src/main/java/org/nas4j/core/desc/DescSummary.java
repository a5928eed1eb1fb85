package org.nas4j.core.desc;

import java.util.ArrayList;
import java.util.List;

/**
 * A readable multi-line summary of a model desc, as printed by {@code nas desc show}.
 *
 * <p>Example (one cell of a search desc):
 *
 * <pre>
 * cell 2  reduction  ch 16 -&gt; 128  trainables_from 2  stems prepr_normal(c_{k-2}) prepr_normal(c_{k-1})  post concate_channels
 *   n0 = sep_conv_3x3(c_{k-2}) + max_pool_3x3(c_{k-1})
 * </pre>
 */
public final class DescSummary {
    private DescSummary() {}

    /** The summary text, lines separated by {@code \n}, ending with a newline. */
    public static String describe(ModelDesc d) {
        StringBuilder sb = new StringBuilder();
        List<Integer> s = d.inputShape();
        sb.append("input shape ")
                .append(shape(s))
                .append(", ")
                .append(d.nClasses())
                .append(" classes, ")
                .append(d.cells().size())
                .append(" cells\n");
        List<String> stems = new ArrayList<>();
        for (OpDesc stem : d.modelStems()) {
            stems.add(stem.name() + " " + stem.conv().chIn() + " -> " + stem.conv().chOut());
        }
        sb.append("model stems: ").append(String.join(", ", stems)).append('\n');
        int edges = 0;
        for (CellDesc c : d.cells()) {
            sb.append(cellLine(c)).append('\n');
            for (int n = 0; n < c.nodes().size(); n++) {
                NodeDesc node = c.nodes().get(n);
                sb.append("  n").append(n).append(" = ").append(node(node)).append('\n');
                edges += node.edges().size();
            }
        }
        List<String> aux = new ArrayList<>();
        for (int i = 0; i < d.auxTowers().size(); i++) {
            AuxTowerDesc a = d.auxTowers().get(i);
            if (a != null) {
                aux.add("after cell " + i + " (ch_in " + a.chIn() + ", stride " + a.stride() + ")");
            }
        }
        sb.append("aux towers: ").append(aux.isEmpty() ? "none" : String.join(", ", aux));
        sb.append('\n');
        sb.append("pool ")
                .append(d.poolOp().name())
                .append(", logits ")
                .append(d.logitsOp().name())
                .append(' ')
                .append(d.logitsOp().conv().chIn())
                .append(" -> ")
                .append(d.logitsOp().conv().chOut())
                .append('\n');
        sb.append("edges: ").append(edges).append('\n');
        return sb.toString();
    }

    /** The name of state {@code id} inside a cell: c_{k-2}, c_{k-1}, n0, n1, ... */
    public static String stateName(int id) {
        return switch (id) {
            case 0 -> "c_{k-2}";
            case 1 -> "c_{k-1}";
            default -> "n" + (id - 2);
        };
    }

    private static String cellLine(CellDesc c) {
        return "cell "
                + c.id()
                + "  "
                + (c.isReduction() ? "reduction" : "regular")
                + "  ch "
                + c.conv().chIn()
                + " -> "
                + c.outChannels()
                + "  trainables_from "
                + c.trainablesFrom()
                + "  stems "
                + c.stem0().name()
                + "(c_{k-2}) "
                + c.stem1().name()
                + "(c_{k-1})  post "
                + c.postOp().name();
    }

    private static String node(NodeDesc node) {
        if (node.edges().isEmpty()) {
            return "(no edges)";
        }
        List<String> terms = new ArrayList<>();
        for (EdgeDesc e : node.edges()) {
            List<String> ins = new ArrayList<>();
            e.inputIds().forEach(id -> ins.add(stateName(id)));
            terms.add(e.op().name() + "(" + String.join(", ", ins) + ")");
        }
        return String.join(" + ", terms);
    }

    private static String shape(List<Integer> s) {
        List<String> parts = new ArrayList<>();
        s.forEach(v -> parts.add(String.valueOf(v)));
        return "(" + String.join(", ", parts) + ")";
    }
}
