package org.nas4j.core.desc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DescSummaryTest {

    @Test
    void describesShapeStemsCellsNodesAuxTowersAndEdgeCount() {
        String text = DescSummary.describe(DescFixtures.small());
        List<String> lines = text.lines().toList();
        assertEquals("input shape (1, 8, 8), 10 classes, 3 cells", lines.get(0));
        assertEquals("model stems: stem_conv3x3 1 -> 12, stem_conv3x3 1 -> 12", lines.get(1));
        assertTrue(
                lines.get(2).startsWith("cell 0  regular  ch 4 -> 8  trainables_from 0"), lines.get(2));
        assertEquals("  n0 = sep_conv_3x3(c_{k-2}) + skip_connect(c_{k-1})", lines.get(3));
        assertEquals("  n1 = mixed_op(c_{k-2}) + max_pool_3x3(n0)", lines.get(4));
        assertTrue(lines.get(5).startsWith("cell 1  reduction  ch 8 -> 16  trainables_from 1"));
        assertEquals("  n1 = sum_inputs(n0, c_{k-1}) + skip_connect(c_{k-1})", lines.get(7));
        assertTrue(lines.get(8).contains("stems prepr_reduce(c_{k-2}) prepr_normal(c_{k-1})"));
        assertTrue(text.contains("aux towers: after cell 1 (ch_in 16, stride 2)\n"), text);
        assertTrue(text.contains("pool pool_adaptive_avg2d, logits linear 8 -> 10\n"), text);
        assertTrue(text.endsWith("edges: 10\n"), text);
    }

    @Test
    void nodesWithoutEdgesAreShownAsSuch() {
        ModelDesc d = DescFixtures.small();
        CellDesc c0 = d.cells().get(0);
        List<NodeDesc> empty =
                c0.nodes().stream().map(n -> n.withEdges(List.of())).toList();
        ModelDesc skeleton =
                d.withCells(List.of(c0.withNodes(empty), d.cells().get(1), d.cells().get(2)));
        String text = DescSummary.describe(skeleton);
        assertTrue(text.contains("  n0 = (no edges)\n"), text);
        assertTrue(text.endsWith("edges: 6\n"), text);
    }
}
