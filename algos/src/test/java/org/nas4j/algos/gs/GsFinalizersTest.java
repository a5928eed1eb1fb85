package org.nas4j.algos.gs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.EdgeCandidate;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.search.Algorithms;

class GsFinalizersTest {
    private static final List<String> PRIMS = List.of("sep_conv_3x3", "max_pool_3x3", "none");

    private static OpDesc gsOp(int edge, int nodeEdges, List<Double> alphas) {
        OpDesc op =
                OpDesc.of(GsOp.NAME, ConvMacroParams.of(4), 1, false)
                        .withParam(GsEdgeReader.PRIMITIVES, PRIMS)
                        .withParam(GsEdgeReader.EDGE_INDEX, edge)
                        .withParam(GsEdgeReader.NODE_EDGES, nodeEdges);
        return alphas == null ? op : op.withTrainables(Map.of(GsEdgeReader.ALPHAS, alphas));
    }

    /** Node 0 of a cell whose edge {@code j} carries logits {@code slices[j]}. */
    private static NodeDesc finalizeNode(int keep, List<List<Double>> slices) {
        List<EdgeDesc> edges = new ArrayList<>();
        for (int j = 0; j < slices.size(); j++) {
            edges.add(EdgeDesc.of(gsOp(j, slices.size(), slices.get(j)), j));
        }
        NodeDesc node = new NodeDesc(edges, ConvMacroParams.of(4));
        CellDesc cell = cellWith(node);
        return new GsFinalizers(keep, Algorithms.installed().opRegistry()).finalizeNode(cell, 0);
    }

    private static CellDesc cellWith(NodeDesc node) {
        return TinyGs.searchDesc(1, 0).cells().get(0).withNodes(List.of(node));
    }

    @Test
    void keepsTheMostProbablePairsOfTheNodeNeverNone() {
        // none has the largest logit of all; then edge 2's max_pool, then edge 0's sep_conv
        NodeDesc out =
                finalizeNode(
                        2,
                        List.of(
                                List.of(1.0, 0.0, 9.0),
                                List.of(0.5, 0.2, 9.0),
                                List.of(0.1, 2.0, 9.0)));
        assertEquals(2, out.edges().size());
        assertEquals("sep_conv_3x3", out.edges().get(0).op().name());
        assertEquals(List.of(0), out.edges().get(0).inputIds());
        assertEquals("max_pool_3x3", out.edges().get(1).op().name());
        assertEquals(List.of(2), out.edges().get(1).inputIds());
    }

    @Test
    void twoPairsOnOneEdgeBecomeAMultiOpInPrimitiveOrder() {
        NodeDesc out = finalizeNode(2, List.of(List.of(0.0, 0.0, 0.0), List.of(2.0, 3.0, 0.0)));
        assertEquals(1, out.edges().size());
        OpDesc op = out.edges().get(0).op();
        assertEquals(GsFinalizers.MULTI_OP, op.name());
        assertEquals(List.of(1), out.edges().get(0).inputIds());
        assertEquals("sep_conv_3x3", op.children().get(0).name());
        assertEquals("max_pool_3x3", op.children().get(1).name());
    }

    @Test
    void tiesGoToTheEarlierEdgeThenTheEarlierPrimitive() {
        List<Double> same = List.of(1.0, 1.0, 0.0);
        NodeDesc one = finalizeNode(1, List.of(same, same, same));
        assertEquals(1, one.edges().size());
        assertEquals("sep_conv_3x3", one.edges().get(0).op().name());
        assertEquals(List.of(0), one.edges().get(0).inputIds());
        NodeDesc three = finalizeNode(3, List.of(same, same, same));
        assertEquals(List.of(0), three.edges().get(0).inputIds());
        assertEquals(GsFinalizers.MULTI_OP, three.edges().get(0).op().name());
        assertEquals("sep_conv_3x3", three.edges().get(1).op().name());
        assertEquals(List.of(1), three.edges().get(1).inputIds());
    }

    @Test
    void aDescWithoutSavedLogitsIsRefusedNamingTheNode() {
        List<EdgeDesc> edges = List.of(EdgeDesc.of(gsOp(0, 1, null), 0));
        CellDesc cell = cellWith(new NodeDesc(edges, ConvMacroParams.of(4)));
        GsFinalizers f = new GsFinalizers(2, Algorithms.installed().opRegistry());
        DescFormatException e =
                assertThrows(DescFormatException.class, () -> f.finalizeNode(cell, 0));
        assertEquals(true, e.getMessage().contains("node 0"), e.getMessage());
    }

    @Test
    void theReaderWeighsAnEdgesOpsBySoftmaxOfItsSliceInPrimitiveOrder() {
        List<EdgeCandidate> c =
                new GsEdgeReader().candidates(gsOp(0, 2, List.of(Math.log(2), 0.0, Math.log(5))));
        assertEquals(
                List.of("sep_conv_3x3", "max_pool_3x3", "none"),
                c.stream().map(EdgeCandidate::name).toList());
        assertEquals(0.25, c.get(0).weight(), 1e-12);
        assertEquals(0.125, c.get(1).weight(), 1e-12);
        assertEquals(false, c.get(2).selectable());
    }
}
