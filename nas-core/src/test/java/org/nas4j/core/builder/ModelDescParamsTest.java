package org.nas4j.core.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nas4j.core.ConfException;

class ModelDescParamsTest {

    private static String refusal(Map<String, Object> m, String phase) {
        return assertThrows(
                        ConfException.class,
                        () -> ModelDescParams.fromConf(ModelDescBuilderTest.conf(m, phase)))
                .getMessage();
    }

    @Test
    void readsEveryKeyAndKeepsTheRestAsExtra() {
        ModelDescParams p =
                ModelDescParams.fromConf(
                        ModelDescBuilderTest.conf(
                                ModelDescBuilderTest.section(8, 16, 0.4), "search"));
        assertEquals(8, p.nCells());
        assertEquals(2, p.nReductions());
        assertEquals(16, p.initNodeCh());
        assertEquals(3, p.stemMultiplier());
        assertEquals(4, p.nNodes());
        assertEquals(4, p.outNodes());
        assertEquals("stem_conv3x3", p.modelStem0Op());
        assertEquals("concate_channels", p.cellPostOp());
        assertEquals("pool_adaptive_avg2d", p.modelPostOp());
        assertEquals("linear", p.logitsOp());
        assertEquals(0.4, p.auxWeight());
        assertEquals(10, p.nClasses());
        assertEquals(1, p.channels());
        assertEquals(28, p.imgSize());
        assertEquals(Map.of("primitives", List.of("sep_conv_3x3", "none")), p.extra());
        assertEquals(List.of("sep_conv_3x3", "none"), p.extraStringList("primitives", "search"));
    }

    @Test
    void missingKeysAreNamedWithTheirFullPath() {
        Map<String, Object> m = new LinkedHashMap<>(ModelDescBuilderTest.section(8, 16, 0.0));
        m.remove("n_cells");
        assertTrue(refusal(m, "search").startsWith("Key nas.search.model_desc.n_cells is missing"));
        m = new LinkedHashMap<>(ModelDescBuilderTest.section(8, 16, 0.0));
        m.put("dataset", Map.of("n_classes", 10, "channels", 1));
        assertTrue(
                refusal(m, "eval")
                        .startsWith("Key nas.eval.model_desc.dataset.img_size is missing"));
        m.remove("dataset");
        assertTrue(refusal(m, "eval").startsWith("Key nas.eval.model_desc.dataset is missing"));
    }

    @Test
    void illTypedOrOutOfRangeValuesAreRefused() {
        Map<String, Object> m = new LinkedHashMap<>(ModelDescBuilderTest.section(8, 16, 0.0));
        m.put("init_node_ch", "sixteen");
        assertTrue(
                refusal(m, "search")
                        .matches(
                                "Key nas.search.model_desc.init_node_ch in test is .*sixteen.*"
                                        + "expected an integer\\."));
        m.put("init_node_ch", 16.5);
        assertTrue(refusal(m, "search").contains("init_node_ch in test is"));
        m.put("init_node_ch", 16);
        m.put("out_nodes", 5);
        assertTrue(
                refusal(m, "search")
                        .contains(
                                "Key 'nas.search.model_desc.out_nodes' (test) = 5 exceeds"
                                        + " n_nodes = 4"));
        m.put("out_nodes", 4);
        m.put("logits_op", List.of("linear"));
        assertTrue(refusal(m, "eval").startsWith("Key nas.eval.model_desc.logits_op in test is"));
        m.put("logits_op", "linear");
        m.put("aux_weight", -1);
        assertTrue(refusal(m, "eval").contains("aux_weight' (test) = -1.0 is out of range"));
        assertTrue(
                assertThrows(
                                ConfException.class,
                                () ->
                                        ModelDescParams.fromConf(
                                                        ModelDescBuilderTest.conf(
                                                                ModelDescBuilderTest.section(
                                                                        8, 16, 0.0),
                                                                "search"))
                                                .extraStringList("missing_key", "search"))
                        .getMessage()
                        .startsWith("nas.search.model_desc.missing_key is missing"));
    }

    @Test
    void longsFromAConfTreeAreAccepted() {
        Map<String, Object> m = new LinkedHashMap<>(ModelDescBuilderTest.section(8, 16, 0.0));
        m.put("n_cells", 8L);
        m.put("aux_weight", 0);
        assertEquals(8, ModelDescParams.fromConf(ModelDescBuilderTest.conf(m, "search")).nCells());
    }
}
