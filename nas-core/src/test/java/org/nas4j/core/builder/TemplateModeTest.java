package org.nas4j.core.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;

class TemplateModeTest {

    /**
     * Two edges per node, as a finalized DARTS cell: one from a cell input, one from the state
     * before.
     */
    private static final class FinalCells extends ModelDescBuilder {
        @Override
        protected List<NodeDesc> buildNodes(CellContext ctx) {
            ConvMacroParams conv = ConvMacroParams.of(ctx.nodeCh());
            String opName = ctx.isReduction() ? "max_pool_3x3" : "sep_conv_3x3";
            List<NodeDesc> nodes = new ArrayList<>();
            for (int i = 0; i < ctx.params().nNodes(); i++) {
                int stride = ctx.isReduction() ? 2 : 1;
                int second = i + 1;
                nodes.add(
                        new NodeDesc(
                                List.of(
                                        EdgeDesc.of(OpDesc.of(opName, conv, stride, false), i % 2),
                                        EdgeDesc.of(
                                                OpDesc.of(
                                                        "skip_connect",
                                                        conv,
                                                        second < 2 && ctx.isReduction() ? 2 : 1,
                                                        false),
                                                second)),
                                conv));
            }
            return nodes;
        }
    }

    private static ModelDesc searchFinal(int nReductions) {
        Map<String, Object> m = ModelDescBuilderTest.section(3, 8, 0.0);
        m.put("n_reductions", nReductions);
        return new FinalCells().build(ModelDescBuilderTest.conf(m, "search"), "search", null);
    }

    @Test
    void templateCellsAreCopiedWithNewChannelsStridesAndAffinity() {
        ModelDesc template = searchFinal(1);
        ModelDesc eval =
                new ModelDescBuilder()
                        .build(
                                ModelDescBuilderTest.conf(
                                        ModelDescBuilderTest.section(8, 36, 0.0), "eval"),
                                "eval",
                                template);
        CellDesc regular = template.cells().get(0);
        CellDesc reduction = template.cells().get(1);
        for (CellDesc c : eval.cells()) {
            CellDesc from = c.isReduction() ? reduction : regular;
            int ch = c.nodeChannels().get(0);
            assertEquals(from.nodes().size(), c.nodes().size());
            for (int n = 0; n < c.nodes().size(); n++) {
                NodeDesc node = c.nodes().get(n);
                assertEquals(ConvMacroParams.of(ch), node.conv());
                for (int e = 0; e < node.edges().size(); e++) {
                    EdgeDesc edge = node.edges().get(e);
                    EdgeDesc orig = from.nodes().get(n).edges().get(e);
                    assertEquals(orig.op().name(), edge.op().name());
                    assertEquals(orig.inputIds(), edge.inputIds());
                    assertEquals(ConvMacroParams.of(ch), edge.op().conv());
                    boolean fromInput = edge.inputIds().get(0) < 2;
                    assertEquals(
                            c.isReduction() && fromInput ? 2 : 1,
                            edge.op().stride(),
                            "cell " + c.id() + " node " + n + " edge " + e);
                    assertTrue(edge.op().affine());
                }
            }
        }
        assertEquals(
                List.of(36, 36, 72, 72, 72, 144, 144, 144),
                eval.cells().stream().map(c -> c.nodeChannels().get(0)).toList());
        assertEquals("max_pool_3x3", eval.cells().get(5).nodes().get(0).edges().get(0).op().name());
        assertEquals(4 * 144, eval.cells().get(7).outChannels());
    }

    @Test
    void templateWithoutAReductionCellIsRefused() {
        ModelDesc template = searchFinal(0);
        DescFormatException e =
                assertThrows(
                        DescFormatException.class,
                        () ->
                                new ModelDescBuilder()
                                        .build(
                                                ModelDescBuilderTest.conf(
                                                        ModelDescBuilderTest.section(8, 36, 0.0),
                                                        "eval"),
                                                "eval",
                                                template));
        assertTrue(
                e.getMessage().contains("no reduction cell to copy into cell 2"), e.getMessage());
    }
}
