package org.nas4j.cli;

import java.util.List;
import java.util.stream.Collectors;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.DescSummary;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;

/** The template cells of a final desc in words: one line per node, its edges as op(input). */
final class CellWords {
    private CellWords() {}

    static String describe(ModelDesc desc) {
        StringBuilder sb = new StringBuilder();
        cell(
                sb,
                desc.cells().stream().filter(c -> !c.isReduction()).findFirst().orElse(null),
                "normal");
        cell(
                sb,
                desc.cells().stream().filter(CellDesc::isReduction).findFirst().orElse(null),
                "reduce");
        return sb.toString();
    }

    private static void cell(StringBuilder sb, CellDesc cell, String kind) {
        if (cell == null) {
            return;
        }
        List<NodeDesc> nodes = cell.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            String edges =
                    nodes.get(i).edges().stream()
                            .map(CellWords::edge)
                            .collect(Collectors.joining(" + "));
            sb.append(String.format("  %-6s n%d = %s%n", i == 0 ? kind : "", i, edges));
        }
    }

    private static String edge(EdgeDesc e) {
        return op(e.op(), DescSummary.stateName(e.inputIds().get(0)));
    }

    /**
     * {@code op(input)}; an op of several children on one input (a {@code multi_op} of gs or
     * divnas) shows them: summed as {@code a(x) + b(x)}, concatenated as {@code concat[a, b](x)}.
     */
    private static String op(OpDesc op, String input) {
        if (op.children().isEmpty()) {
            return op.name() + "(" + input + ")";
        }
        if ("concat".equals(op.stringParam("merge", "sum"))) {
            return op.name()
                    + "[concat: "
                    + op.children().stream().map(OpDesc::name).collect(Collectors.joining(", "))
                    + "]("
                    + input
                    + ")";
        }
        return op.children().stream().map(c -> op(c, input)).collect(Collectors.joining(" + "));
    }
}
