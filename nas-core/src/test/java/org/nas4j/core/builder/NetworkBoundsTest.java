package org.nas4j.core.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nas4j.core.ConfException;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.ModelDesc;

class NetworkBoundsTest {
    private static ModelDescParams params(Map<String, Object> changes) {
        Map<String, Object> m = new LinkedHashMap<>(ModelDescBuilderTest.section(8, 16, 0.0));
        m.putAll(changes);
        return ModelDescParams.fromConf(ModelDescBuilderTest.conf(m, "search"));
    }

    static Stream<Arguments> channelsPastTheBound() {
        return Stream.of(
                // n_reductions 40 doubled 4 channels past int: the builder saw -2147483648
                Arguments.of(Map.of("n_cells", 40, "n_reductions", 40, "init_node_ch", 4), "2^40"),
                Arguments.of(Map.of("n_cells", 33, "n_reductions", 31, "init_node_ch", 2), "2^31"),
                Arguments.of(
                        Map.of("init_node_ch", 8192, "stem_multiplier", 1, "n_reductions", 2),
                        "8192 x 2^2"),
                Arguments.of(Map.of("init_node_ch", 16384, "stem_multiplier", 64), "1048576"));
    }

    @ParameterizedTest
    @MethodSource("channelsPastTheBound")
    void channelsThatGrowPastTheBoundTogetherAreRefusedNamingBothKeys(
            Map<String, Object> changes, String shown) {
        String msg = assertThrows(ConfException.class, () -> params(changes)).getMessage();
        assertTrue(msg.contains("nas.search.model_desc.init_node_ch"), msg);
        assertTrue(msg.contains(shown), msg);
        assertTrue(msg.contains(Integer.toString(ModelDescParams.MAX_CHANNELS)), msg);
    }

    @Test
    void supernetEdgesAreEveryNodeReadingEveryEarlierState() {
        assertEquals(8 * 14, NetworkBounds.supernetEdges(params(Map.of())));
        assertEquals(
                1000L * 64 * 67 / 2,
                NetworkBounds.supernetEdges(params(Map.of("n_cells", 1000, "n_nodes", 64))));
    }

    @Test
    void aSupernetOfMillionsOfEdgesIsRefusedWithItsSize() {
        ModelDescParams p = params(Map.of("n_cells", 1000, "n_nodes", 64));
        String msg =
                assertThrows(
                                ConfException.class,
                                () -> NetworkBounds.checkSupernet(p, "nas.search.model_desc"))
                        .getMessage();
        assertTrue(msg.contains("2,144,000 edges"), msg);
        assertTrue(msg.contains("nas.search.model_desc.n_cells"), msg);
        NetworkBounds.checkSupernet(params(Map.of()), "nas.search.model_desc"); // DARTS passes
    }

    @Test
    void minWeightsCountTheCellStemsOfTheBuiltNetwork() {
        ModelDescParams p = params(Map.of());
        ModelDesc d = new ModelDescBuilder().build(p, false, null);
        long expected = 0;
        for (CellDesc c : d.cells()) {
            expected += (long) c.stem0().conv().chIn() * c.stem0().conv().chOut();
            expected += (long) c.stem1().conv().chIn() * c.stem1().conv().chOut();
        }
        expected += (long) d.logitsOp().conv().chIn() * d.logitsOp().conv().chOut();
        assertEquals(4 * expected, NetworkBounds.minWeightBytes(p));
        // DARTS's first cell maps the 48 channels of each model stem to its 16 node channels
        assertEquals(48, d.cells().get(0).stem0().conv().chIn());
        assertEquals(16, d.cells().get(0).stem0().conv().chOut());
    }

    @Test
    void weightsThatCannotFitTheMemoryAreRefusedAndAnUnknownMemoryIsNotChecked() {
        ModelDescParams p = params(Map.of("n_cells", 1000, "init_node_ch", 4096));
        long gib = 1L << 30;
        String msg =
                assertThrows(
                                ConfException.class,
                                () ->
                                        NetworkBounds.checkWeightsFit(
                                                p, "nas.eval.model_desc", false, 64 * gib))
                        .getMessage();
        assertTrue(msg.contains("nas.eval.model_desc"), msg);
        assertTrue(msg.contains("64.0 GiB"), msg);
        NetworkBounds.checkWeightsFit(p, "nas.eval.model_desc", false, 0);
        NetworkBounds.checkWeightsFit(params(Map.of()), "nas.search.model_desc", true, gib);
    }
}
