package org.nas4j.core.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nas4j.core.ConfException;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.AuxTowerDesc;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;

class ModelDescBuilderTest {

    /** The model_desc section of darts.yaml, with Fashion-MNIST as the dataset. */
    /** The section as the {@code nas.<phase>.model_desc} view of a conf. */
    static Conf conf(Map<String, Object> section, String phase) {
        Map<String, Object> root = Map.of("nas", Map.of(phase, Map.of("model_desc", section)));
        return Conf.of(root, "test").child("nas." + phase + ".model_desc");
    }

    static Map<String, Object> section(int nCells, int initNodeCh, double auxWeight) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset(10, 1, 28));
        m.put("n_cells", nCells);
        m.put("n_reductions", 2);
        m.put("init_node_ch", initNodeCh);
        m.put("stem_multiplier", 3);
        m.put("n_nodes", 4);
        m.put("out_nodes", 4);
        m.put("model_stem0_op", "stem_conv3x3");
        m.put("model_stem1_op", "stem_conv3x3");
        m.put("cell_post_op", "concate_channels");
        m.put("model_post_op", "pool_adaptive_avg2d");
        m.put("logits_op", "linear");
        m.put("aux_weight", auxWeight);
        m.put("primitives", List.of("sep_conv_3x3", "none"));
        return m;
    }

    static Map<String, Object> dataset(int nClasses, int channels, int imgSize) {
        return Map.of("n_classes", nClasses, "channels", channels, "img_size", imgSize);
    }

    private static List<Integer> nodeCh(ModelDesc d) {
        return d.cells().stream().map(c -> c.nodeChannels().get(0)).toList();
    }

    private static List<Integer> reductionIds(ModelDesc d) {
        return d.cells().stream().filter(CellDesc::isReduction).map(CellDesc::id).toList();
    }

    private static List<Integer> preprReduceIds(ModelDesc d) {
        return d.cells().stream()
                .filter(c -> c.stem0().name().equals("prepr_reduce"))
                .map(CellDesc::id)
                .toList();
    }

    @Test
    void reductionCellsSitAtArchaiPositions() {
        assertEquals(List.of(2, 5), ModelDescBuilder.reductionCellIds(8, 2));
        assertEquals(List.of(6, 13), ModelDescBuilder.reductionCellIds(20, 2));
        assertEquals(List.of(1), ModelDescBuilder.reductionCellIds(3, 1));
        assertEquals(List.of(), ModelDescBuilder.reductionCellIds(4, 0));
        assertEquals(13, ModelDescBuilder.auxTowerCellId(20));
    }

    @Test
    void eightCellSearchNetworkDoublesChannelsAtReductions() {
        ModelDesc d =
                new ModelDescBuilder()
                        .build(
                                ModelDescBuilderTest.conf(section(8, 16, 0.0), "search"),
                                "search",
                                null);
        assertEquals(List.of(2, 5), reductionIds(d));
        assertEquals(List.of(16, 16, 32, 32, 32, 64, 64, 64), nodeCh(d));
        assertEquals(48, d.modelStems().get(0).conv().chOut());
        assertEquals(new ConvMacroParams(1, 48), d.modelStems().get(1).conv());
        assertEquals(
                List.of(64, 64, 128, 128, 128, 256, 256, 256),
                d.cells().stream().map(CellDesc::outChannels).toList());
        assertEquals(List.of(1, 28, 28), d.inputShape());
        assertEquals(new ConvMacroParams(256, 256), d.poolOp().conv());
        assertEquals("pool_adaptive_avg2d", d.poolOp().name());
        assertEquals(new ConvMacroParams(256, 10), d.logitsOp().conv());
        assertEquals("linear", d.logitsOp().name());
        assertEquals(8, d.auxTowers().size());
        assertTrue(d.auxTowers().stream().allMatch(a -> a == null), "no aux tower in search");
    }

    @Test
    void cellStemsMapTheirInputsToTheNodeChannels() {
        ModelDesc d =
                new ModelDescBuilder()
                        .build(
                                ModelDescBuilderTest.conf(section(8, 16, 0.0), "search"),
                                "search",
                                null);
        // (stem0 ch_in, stem1 ch_in) per cell: c_{k-2} and c_{k-1} outputs
        int[][] ins = {
            {48, 48}, {48, 64}, {64, 64}, {64, 128}, {128, 128}, {128, 128}, {128, 256}, {256, 256}
        };
        for (int k = 0; k < 8; k++) {
            CellDesc c = d.cells().get(k);
            assertEquals(
                    new ConvMacroParams(ins[k][0], c.nodeChannels().get(0)),
                    c.stem0().conv(),
                    "cell " + k);
            assertEquals(
                    new ConvMacroParams(ins[k][1], c.nodeChannels().get(0)),
                    c.stem1().conv(),
                    "cell " + k);
            assertEquals("prepr_normal", c.stem1().name());
            assertEquals(new ConvMacroParams(c.nodeChannels().get(0), c.outChannels()), c.conv());
        }
    }

    @Test
    void preprReduceFollowsEachReductionCell() {
        ModelDesc search =
                new ModelDescBuilder()
                        .build(
                                ModelDescBuilderTest.conf(section(8, 16, 0.0), "search"),
                                "search",
                                null);
        assertEquals(List.of(3, 6), preprReduceIds(search));
        assertEquals(2, search.cells().get(3).stem0().stride());
        assertEquals(1, search.cells().get(2).stem0().stride());
        ModelDesc eval =
                new ModelDescBuilder()
                        .build(
                                ModelDescBuilderTest.conf(section(20, 36, 0.4), "eval"),
                                "eval",
                                null);
        assertEquals(List.of(7, 14), preprReduceIds(eval));
    }

    @Test
    void cellsShareWeightsWithTheFirstCellOfTheirType() {
        ModelDesc d =
                new ModelDescBuilder()
                        .build(
                                ModelDescBuilderTest.conf(section(8, 16, 0.0), "search"),
                                "search",
                                null);
        assertEquals(
                List.of(0, 0, 2, 0, 0, 2, 0, 0),
                d.cells().stream().map(CellDesc::trainablesFrom).toList());
    }

    @Test
    void twentyCellEvalNetworkHasAnAffineAuxTowerAfterCell13() {
        ModelDesc d =
                new ModelDescBuilder()
                        .build(
                                ModelDescBuilderTest.conf(section(20, 36, 0.4), "eval"),
                                "eval",
                                null);
        assertEquals(List.of(6, 13), reductionIds(d));
        List<Integer> expected = new ArrayList<>();
        IntStream.range(0, 20).forEach(k -> expected.add(k < 6 ? 36 : k < 13 ? 72 : 144));
        assertEquals(expected, nodeCh(d));
        assertEquals(108, d.modelStems().get(0).conv().chOut());
        for (int k = 0; k < 20; k++) {
            if (k != 13) {
                assertNull(d.auxTowers().get(k), "cell " + k);
            }
        }
        // Fashion-MNIST: 28 -> 14 (cell 6) -> 7 (cell 13); 5x5 pool with stride 2 gives 2x2
        assertEquals(new AuxTowerDesc(576, 10, 2), d.auxTowers().get(13));
        assertTrue(d.modelStems().get(0).affine());
        assertTrue(d.cells().get(13).stem0().affine());
        assertTrue(d.cells().get(0).postOp().affine());
        assertEquals(new ConvMacroParams(576, 10), d.logitsOp().conv());
    }

    @Test
    void cifarSizedInputsGiveAuxStrideThree() {
        Map<String, Object> m = section(20, 36, 0.4);
        m.put("dataset", dataset(100, 3, 32));
        ModelDesc d =
                new ModelDescBuilder().build(ModelDescBuilderTest.conf(m, "eval"), "eval", null);
        // 32 -> 16 -> 8; a 5x5 pool with stride 3 gives 2x2
        assertEquals(new AuxTowerDesc(576, 100, 3), d.auxTowers().get(13));
        assertEquals(List.of(3, 32, 32), d.inputShape());
        assertEquals(new ConvMacroParams(3, 108), d.modelStems().get(0).conv());
        assertEquals(100, d.nClasses());
    }

    @Test
    void auxTowerOnTooSmallAMapIsRefused() {
        Map<String, Object> m = section(5, 8, 0.4);
        m.put("dataset", dataset(10, 1, 8));
        ConfException e =
                assertThrows(
                        ConfException.class,
                        () ->
                                new ModelDescBuilder()
                                        .build(ModelDescBuilderTest.conf(m, "eval"), "eval", null));
        assertTrue(
                e.getMessage().contains("aux tower after cell 3 would read a 2x2 map"),
                e.getMessage());
    }

    @Test
    void postOpMergesTheLastOutNodes() {
        Map<String, Object> m = section(8, 16, 0.0);
        m.put("out_nodes", 2);
        ModelDesc concat =
                new ModelDescBuilder()
                        .build(ModelDescBuilderTest.conf(m, "search"), "search", null);
        OpDesc post = concat.cells().get(0).postOp();
        assertEquals("concate_channels", post.name());
        assertEquals(new ConvMacroParams(32, 32), post.conv());
        assertEquals(2, post.intParam("out_states", -1));
        m.put("out_nodes", 4);
        m.put("cell_post_op", "proj_channels");
        ModelDesc proj =
                new ModelDescBuilder()
                        .build(ModelDescBuilderTest.conf(m, "search"), "search", null);
        assertEquals(new ConvMacroParams(64, 16), proj.cells().get(0).postOp().conv());
        assertEquals(
                List.of(16, 16, 32, 32, 32, 64, 64, 64),
                proj.cells().stream().map(CellDesc::outChannels).toList());
        assertEquals(4, proj.cells().get(7).postOp().intParam("out_states", -1));
    }

    @Test
    void defaultNodesAreAnEdgelessSkeletonThatRoundTrips() {
        ModelDesc d =
                new ModelDescBuilder()
                        .build(
                                ModelDescBuilderTest.conf(section(8, 16, 0.0), "search"),
                                "search",
                                null);
        for (CellDesc c : d.cells()) {
            assertEquals(4, c.nodes().size());
            assertTrue(c.nodes().stream().allMatch(n -> n.edges().isEmpty()));
            assertEquals(ConvMacroParams.of(c.nodeChannels().get(0)), c.nodes().get(3).conv());
        }
        assertFalse(d.modelStems().get(0).affine());
        assertEquals(d, DescJson.fromJson(DescJson.toJson(d), "built"));
    }

    @Test
    void subclassHooksFillTheCellsAndTheResultIsValidated() {
        ModelDescBuilder edges =
                new ModelDescBuilder() {
                    @Override
                    protected List<NodeDesc> buildNodes(CellContext ctx) {
                        List<NodeDesc> nodes = new ArrayList<>();
                        ConvMacroParams conv = ConvMacroParams.of(ctx.nodeCh());
                        for (int i = 0; i < ctx.params().nNodes(); i++) {
                            int stride = ctx.isReduction() ? 2 : 1;
                            nodes.add(
                                    new NodeDesc(
                                            List.of(
                                                    EdgeDesc.of(
                                                            OpDesc.of(
                                                                    "skip_connect",
                                                                    conv,
                                                                    stride,
                                                                    ctx.affine()),
                                                            0),
                                                    EdgeDesc.of(
                                                            OpDesc.of(
                                                                    "sep_conv_3x3",
                                                                    conv,
                                                                    1,
                                                                    ctx.affine()),
                                                            i + 1)),
                                            conv));
                        }
                        return nodes;
                    }
                };
        ModelDesc d =
                edges.build(
                        ModelDescBuilderTest.conf(section(8, 16, 0.0), "search"), "search", null);
        assertEquals(2, d.cells().get(4).nodes().get(3).edges().size());
        assertEquals(List.of(4), d.cells().get(4).nodes().get(3).edges().get(1).inputIds());

        ModelDescBuilder broken =
                new ModelDescBuilder() {
                    @Override
                    protected List<NodeDesc> buildNodes(CellContext ctx) {
                        ConvMacroParams conv = ConvMacroParams.of(ctx.nodeCh());
                        return List.of(
                                new NodeDesc(
                                        List.of(
                                                EdgeDesc.of(
                                                        OpDesc.of("skip_connect", conv, 1, false),
                                                        7)),
                                        conv));
                    }
                };
        DescFormatException e =
                assertThrows(
                        DescFormatException.class,
                        () ->
                                broken.build(
                                        ModelDescBuilderTest.conf(section(8, 16, 0.0), "search"),
                                        "search",
                                        null));
        assertTrue(e.getMessage().startsWith("the model desc built by"), e.getMessage());
        assertTrue(
                e.getMessage().contains("$.model.cells[0].nodes[0].edges[0].input_ids[0] = 7"),
                e.getMessage());
    }
}
