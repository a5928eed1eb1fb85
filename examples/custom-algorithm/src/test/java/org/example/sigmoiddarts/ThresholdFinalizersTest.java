package org.example.sigmoiddarts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nas4j.core.ConfException;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.CellType;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.OpRegistry;

/** The finalizer on hand-made saved edges: no engine, no training. */
class ThresholdFinalizersTest {
    private static final List<String> PRIMS = List.of("max_pool_3x3", "sep_conv_3x3");
    private static final ConvMacroParams CH = ConvMacroParams.of(4);

    /** nas4j's built-in ops plus this plug-in's, as {@code nas} builds its registry. */
    private static final OpRegistry REGISTRY = registry();

    private static OpRegistry registry() {
        OpRegistry r = OpRegistry.standard();
        new SigmoidOps().registerOps(r);
        return r;
    }

    /** A saved edge from {@code input} whose alphas are {@code alphas} (sigmoid(2) = 0.88). */
    private static EdgeDesc edge(int input, double... alphas) {
        List<Double> a = new ArrayList<>();
        for (double v : alphas) {
            a.add(v);
        }
        OpDesc op =
                OpDesc.of(SigmoidMixedOp.NAME, CH, 1, false)
                        .withParam(SigmoidMixedOp.PRIMITIVES, PRIMS)
                        .withTrainables(Map.of(SigmoidMixedOp.ALPHAS, a));
        return EdgeDesc.of(op, input);
    }

    private static CellDesc cell(List<EdgeDesc> edges) {
        OpDesc stem = OpDesc.of("prepr_normal", CH, 1, false);
        OpDesc post = OpDesc.of("concate_channels", new ConvMacroParams(4, 4), 1, false);
        return new CellDesc(
                0,
                CellType.REGULAR,
                CH,
                stem,
                stem,
                List.of(new NodeDesc(edges, CH)),
                List.of(4),
                post,
                4,
                0);
    }

    private static List<String> kept(int maxEdges, EdgeDesc... edges) {
        NodeDesc node =
                new ThresholdFinalizers(maxEdges, 0.85, REGISTRY)
                        .finalizeNode(cell(List.of(edges)), 0);
        return node.edges().stream().map(e -> e.op().name() + "@" + e.inputIds().get(0)).toList();
    }

    @Test
    void keepsOnlyEdgesWhoseStrongestOpReachesTheThreshold() {
        assertEquals(
                List.of("sep_conv_3x3@0", "max_pool_3x3@2"),
                kept(2, edge(0, 0, 2), edge(1, 0.5, 0), edge(2, 3, 0)));
    }

    @Test
    void keepsAtMostMaxFinalEdgesStrongestFirst() {
        assertEquals(
                List.of("max_pool_3x3@1", "sep_conv_3x3@2"),
                kept(2, edge(0, 2, 0), edge(1, 4, 0), edge(2, 0, 3)));
    }

    @Test
    void aNodeWithNoEdgeAboveTheThresholdKeepsItsStrongest() {
        assertEquals(List.of("sep_conv_3x3@1"), kept(2, edge(0, 0.1, 0), edge(1, 0, 0.3)));
    }

    @Test
    void thresholdOutsideTheSigmoidRangeIsRefused() {
        assertThrows(ConfException.class, () -> new ThresholdFinalizers(2, 1.0, REGISTRY));
    }
}
