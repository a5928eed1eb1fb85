package org.nas4j.algos.pcdarts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.search.Algorithms;
import org.nas4j.search.finalize.Finalizers;

/** Edge normalisation by hand on a tiny saved desc: the shares, the ranks, the kept edges. */
class PcDartsFinalizersTest {
    // Primitives: max_pool_3x3, sep_conv_3x3, skip_connect, none.
    static final List<String> PRIMS = PcMixedOpTest.PRIMS;

    /** A 1-cell supernet of 2 nodes (node 1 has 3 edges), 4 channels, k = 2. */
    static ModelDesc supernet() {
        return new PcDartsModelDescBuilder(2)
                .build(Conf.of(modelDescMap(), "test"), "search", null);
    }

    /** The model_desc section of {@link #supernet()}. */
    static Map<String, Object> modelDescMap() {
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("dataset", Map.of("n_classes", 4, "channels", 1, "img_size", 8));
        md.put("n_cells", 1);
        md.put("n_reductions", 0);
        md.put("init_node_ch", 4);
        md.put("stem_multiplier", 1);
        md.put("n_nodes", 2);
        md.put("out_nodes", 2);
        md.put("model_stem0_op", "stem_conv3x3");
        md.put("model_stem1_op", "stem_conv3x3");
        md.put("cell_post_op", "concate_channels");
        md.put("model_post_op", "pool_adaptive_avg2d");
        md.put("logits_op", "linear");
        md.put("aux_weight", 0.0);
        md.put("primitives", PRIMS);
        return md;
    }

    /** {@code desc} with node 1's three edges given these alphas and betas, node 0 even ones. */
    static ModelDesc withWeights(ModelDesc desc, double[][] alphas, double[] betas) {
        CellDesc cell = desc.cells().get(0);
        double[] even = logs(0.25, 0.25, 0.25, 0.25);
        cell = withNode(cell, 0, new double[][] {even, even}, new double[] {0, 0});
        return desc.withCells(List.of(withNode(cell, 1, alphas, betas)));
    }

    /** {@code cell} with node {@code i}'s edges given these alphas and betas. */
    static CellDesc withNode(CellDesc cell, int i, double[][] alphas, double[] betas) {
        NodeDesc node = cell.nodes().get(i);
        List<EdgeDesc> edges = new ArrayList<>();
        for (int j = 0; j < betas.length; j++) {
            Map<String, List<Double>> t = new LinkedHashMap<>();
            t.put("alphas", java.util.Arrays.stream(alphas[j]).boxed().toList());
            t.put(PcMixedOp.BETA, List.of(betas[j]));
            EdgeDesc e = node.edges().get(j);
            edges.add(e.withOp(e.op().withTrainables(t)));
        }
        List<NodeDesc> nodes = new ArrayList<>(cell.nodes());
        nodes.set(i, node.withEdges(edges));
        return cell.withNodes(nodes);
    }

    // Softmax of the alphas (logs of the wanted weights): the strongest non-none op of
    // edge 0 is sep_conv at 0.7, of edge 1 skip at 0.5, of edge 2 max_pool at 0.4 (none 0.5).
    static final double[][] ALPHAS = {
        logs(0.1, 0.7, 0.1, 0.1), logs(0.2, 0.2, 0.5, 0.1), logs(0.4, 0.05, 0.05, 0.5)
    };
    // Betas giving shares 1/7, 2/7, 4/7.
    static final double[] BETAS = {0, Math.log(2), Math.log(4)};

    static double[] logs(double... w) {
        return java.util.Arrays.stream(w).map(Math::log).toArray();
    }

    @Test
    void edgeSharesAreTheSoftmaxOfTheNodesBetas() {
        CellDesc cell = withWeights(supernet(), ALPHAS, BETAS).cells().get(0);
        assertArrayEquals(
                new double[] {1 / 7.0, 2 / 7.0, 4 / 7.0},
                PcDartsFinalizers.edgeShares(cell, 1),
                1e-12);
    }

    @Test
    void finalizeKeepsTheEdgesWithTheLargestShareTimesBestAlpha() {
        ModelDesc searched = withWeights(supernet(), ALPHAS, BETAS);
        // Ranks: 0.7/7 = 0.100, 0.5*2/7 = 0.143, 0.4*4/7 = 0.229 -> edges 1 and 2. By alphas
        // alone (DARTS) edges 0 (0.7) and 1 (0.5) would be kept.
        Finalizers pc = new PcDartsFinalizers(2, Algorithms.installed().opRegistry());
        NodeDesc node = pc.finalizeModel(searched).cells().get(0).nodes().get(1);
        assertEquals(List.of(1, 2), node.edges().stream().map(e -> e.inputIds().get(0)).toList());
        assertEquals("skip_connect", node.edges().get(0).op().name());
        assertEquals("max_pool_3x3", node.edges().get(1).op().name());

        Finalizers darts = new Finalizers(2, Algorithms.installed().opRegistry());
        NodeDesc plain = darts.finalizeModel(searched).cells().get(0).nodes().get(1);
        assertEquals(List.of(0, 1), plain.edges().stream().map(e -> e.inputIds().get(0)).toList());
    }

    @Test
    void aDescSavedWithoutBetasIsRefusedNamingTheEdge() {
        ModelDesc searched = withWeights(supernet(), ALPHAS, BETAS);
        CellDesc cell = searched.cells().get(0);
        NodeDesc node = cell.nodes().get(1);
        List<EdgeDesc> edges = new ArrayList<>(node.edges());
        EdgeDesc e = edges.get(2);
        edges.set(
                2,
                e.withOp(
                        e.op().withTrainables(
                                        Map.of("alphas", e.op().trainables().get("alphas")))));
        List<NodeDesc> nodes = new ArrayList<>(cell.nodes());
        nodes.set(1, node.withEdges(edges));
        CellDesc broken = cell.withNodes(nodes);
        DescFormatException ex =
                assertThrows(
                        DescFormatException.class, () -> PcDartsFinalizers.edgeShares(broken, 1));
        assertTrue(ex.getMessage().contains("node 1, edge 2"), ex.getMessage());
    }
}
