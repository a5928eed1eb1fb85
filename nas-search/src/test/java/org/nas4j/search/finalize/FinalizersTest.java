package org.nas4j.search.finalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nas4j.core.ConfException;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.CellType;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.EdgeCandidate;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.EdgeReaders;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.core.desc.Softmax;

class FinalizersTest {
    private static final List<String> PRIMS = List.of("max_pool_3x3", "sep_conv_3x3", "none");
    private static final ConvMacroParams CH = ConvMacroParams.of(4);

    /** A searchable op as an algorithm registers one: softmax-weighted primitives. */
    private static final String WEIGHTED = "weighted_op";

    private static final EdgeReaders READERS =
            name -> WEIGHTED.equals(name) ? FinalizersTest::read : null;

    private static List<EdgeCandidate> read(OpDesc op) {
        List<String> names = op.stringListParam("primitives");
        List<Double> alphas = op.trainables().get("alphas");
        if (alphas == null) {
            throw new DescFormatException("edge op '" + op.name() + "' has no saved alphas");
        }
        double[] w = Softmax.of(alphas);
        List<EdgeCandidate> out = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            out.add(
                    new EdgeCandidate(
                            OpDesc.of(names.get(i), op.conv(), op.stride(), op.affine()),
                            w[i],
                            !"none".equals(names.get(i))));
        }
        return out;
    }

    private static EdgeDesc mixed(int input, double... alphas) {
        List<Double> a = new ArrayList<>();
        for (double v : alphas) {
            a.add(v);
        }
        OpDesc op =
                OpDesc.of(WEIGHTED, CH, input < 2 ? 2 : 1, false)
                        .withParam("primitives", PRIMS)
                        .withTrainables(Map.of("alphas", a));
        return EdgeDesc.of(op, input);
    }

    private static ModelDesc desc(List<NodeDesc> nodes) {
        OpDesc stem = OpDesc.of("prepr_normal", CH, 1, false);
        CellDesc cell =
                new CellDesc(
                        0,
                        CellType.REDUCTION,
                        CH,
                        stem,
                        stem,
                        nodes,
                        List.of(4, 4),
                        OpDesc.of("concate_channels", new ConvMacroParams(4, 8), 1, false),
                        8,
                        0);
        return new ModelDesc(
                List.of(stem, stem),
                List.of(cell),
                java.util.Collections.singletonList(null),
                OpDesc.of("pool_adaptive_avg2d", CH, 1, false),
                OpDesc.of("linear", new ConvMacroParams(8, 10), 1, false),
                10,
                List.of(1, 8, 8),
                Map.of());
    }

    @Test
    void finalizeKeepsTopTwoEdgesPerNodeRankedByStrongestNonNoneOp() {
        NodeDesc n0 = new NodeDesc(List.of(mixed(0, 0, 0, 0), mixed(1, 0, 2, 0)), CH);
        // the edge from input 1 has a huge 'none' weight: 'none' never counts for the rank
        NodeDesc n1 =
                new NodeDesc(
                        List.of(mixed(0, 1, 0, 0), mixed(1, 0, 0, 9), mixed(2, 0, 1.5, 0)), CH);
        ModelDesc fin = new Finalizers(2, READERS).finalizeModel(desc(List.of(n0, n1)));

        NodeDesc f0 = fin.cells().get(0).nodes().get(0);
        assertEquals(2, f0.edges().size());
        assertEquals("max_pool_3x3", f0.edges().get(0).op().name()); // ties break to first
        assertEquals("sep_conv_3x3", f0.edges().get(1).op().name());
        assertEquals(2, f0.edges().get(0).op().stride());

        NodeDesc f1 = fin.cells().get(0).nodes().get(1);
        assertEquals(List.of(0, 2), f1.edges().stream().map(e -> e.inputIds().get(0)).toList());
        assertEquals("max_pool_3x3", f1.edges().get(0).op().name());
        assertEquals("sep_conv_3x3", f1.edges().get(1).op().name());
        assertTrue(f1.edges().get(1).op().trainables().isEmpty());
    }

    @Test
    void softmaxMatchesHandComputation() {
        double[] w = Softmax.of(List.of(0.0, Math.log(3.0)));
        assertEquals(0.25, w[0], 1e-12);
        assertEquals(0.75, w[1], 1e-12);
    }

    @Test
    void aResultThatKeepsASearchableOpIsRefused() {
        NodeDesc n0 = new NodeDesc(List.of(mixed(0, 0, 1, 0), mixed(1, 0, 2, 0)), CH);
        Finalizers keepsEdges =
                new Finalizers(2, READERS) {
                    @Override
                    protected EdgeChoice chooseEdge(CellDesc cell, int node, EdgeDesc edge) {
                        return new EdgeChoice(edge, 1.0);
                    }
                };
        DescFormatException e =
                assertThrows(
                        DescFormatException.class,
                        () -> keepsEdges.finalizeModel(desc(List.of(n0))));
        assertTrue(e.getMessage().contains("searchable op 'weighted_op'"), e.getMessage());
    }

    @Test
    void anOpTheReadersDoNotKnowIsKeptAsADiscreteEdge() {
        NodeDesc n0 = new NodeDesc(List.of(mixed(0, 0, 1, 0)), CH);
        ModelDesc searched = desc(List.of(n0));
        ModelDesc fin = new Finalizers(2, EdgeReaders.NONE).finalizeModel(searched);
        assertEquals(WEIGHTED, fin.cells().get(0).nodes().get(0).edges().get(0).op().name());
    }

    @Test
    void maxFinalEdgesBelowOneNamesTheKey() {
        var e = assertThrows(ConfException.class, () -> new Finalizers(0, READERS));
        assertTrue(e.getMessage().contains("max_final_edges"), e.getMessage());
    }

    @Test
    void missingAlphasIsAClearError() {
        OpDesc op = OpDesc.of(WEIGHTED, CH, 1, false).withParam("primitives", PRIMS);
        NodeDesc n0 = new NodeDesc(List.of(EdgeDesc.of(op, 0)), CH);
        DescFormatException e =
                assertThrows(
                        DescFormatException.class,
                        () -> new Finalizers(2, READERS).finalizeModel(desc(List.of(n0))));
        assertTrue(e.getMessage().contains("no saved alphas"), e.getMessage());
    }

    @Test
    void randomFinalizersIsReproducibleAndNeverPicksNone() {
        NodeDesc n1 =
                new NodeDesc(
                        List.of(mixed(0, 1, 0, 0), mixed(1, 0, 0, 9), mixed(2, 0, 1.5, 0)), CH);
        ModelDesc d = desc(List.of(n1));
        ModelDesc a = new RandomFinalizers(2, 7, READERS).finalizeModel(d);
        ModelDesc b = new RandomFinalizers(2, 7, READERS).finalizeModel(d);
        assertEquals(a, b);
        a.cells()
                .get(0)
                .nodes()
                .get(0)
                .edges()
                .forEach(
                        e ->
                                assertTrue(
                                        !e.op().name().equals("none")
                                                && !e.op().name().equals(WEIGHTED)));
        assertEquals(2, a.cells().get(0).nodes().get(0).edges().size());
    }
}
