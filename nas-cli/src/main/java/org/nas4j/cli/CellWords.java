package org.nas4j.cli;

import java.util.List;
import java.util.stream.Collectors;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.DescSummary;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;

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
        return e.op().name() + "(" + DescSummary.stateName(e.inputIds().get(0)) + ")";
    }
}
