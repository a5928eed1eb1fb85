package org.nas4j.algos.nasbench101;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.DescSummary;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.NodeDesc;

/**
 * Vertex channels and the cell's nodes. The channel cases are those of the benchmark's
 * nasbench/tests/model_builder_test.py ({@code test_compute_vertex_channels_*}).
 */
class Nb101CellTest {
    private static Nb101Spec spec(String matrix) {
        int n = SpecText.matrix(matrix).length;
        String ops = "[input" + ",conv3x3-bn-relu".repeat(n - 2) + ",output]";
        return Nb101Spec.parse(matrix, ops);
    }

    private static void channels(String matrix, int in, int out, int... expected) {
        assertArrayEquals(expected, Nb101Cell.vertexChannels(in, out, spec(matrix)), matrix);
    }

    @Test
    void channelsOfModulesWithoutBranching() {
        String m = "[[0,1,0,0],[0,0,1,0],[0,0,0,1],[0,0,0,0]]";
        channels(m, 8, 8, 8, 8, 8, 8);
        channels(m, 8, 16, 8, 16, 16, 16);
        channels(m, 16, 8, 16, 8, 8, 8);
        channels("[[0,1],[0,0]]", 1, 1, 1, 1);
        channels("[[0,1],[0,0]]", 1, 5, 1, 5);
        channels("[[0,1],[0,0]]", 5, 1, 5, 1);
    }

    @Test
    void channelsOfModulesBranchingBeforeTheOutput() {
        String m = "[[0,1,1,0,0],[0,0,0,1,0],[0,0,0,1,0],[0,0,0,0,1],[0,0,0,0,0]]";
        channels(m, 8, 8, 8, 8, 8, 8, 8);
        channels(m, 8, 16, 8, 16, 16, 16, 16);
        channels(m, 16, 8, 16, 8, 8, 8, 8);
    }

    @Test
    void channelsOfModulesBranchingAtTheOutput() {
        String m = "[[0,1,1,0],[0,0,0,1],[0,0,0,1],[0,0,0,0]]";
        channels(m, 8, 8, 8, 4, 4, 8);
        channels(m, 8, 16, 8, 8, 8, 16);
        channels(m, 16, 8, 16, 4, 4, 8);
        channels(m, 8, 15, 8, 8, 7, 15);
        String m2 = "[[0,1,1,1,0],[0,0,0,0,1],[0,0,0,0,1],[0,0,0,0,1],[0,0,0,0,0]]";
        channels(m2, 8, 8, 8, 3, 3, 2, 8);
        channels(m2, 8, 15, 8, 5, 5, 5, 15);
    }

    @Test
    void channelsOfVerticesTakingTheMostOfTheirSuccessors() {
        String m = "[[0,1,0,0,0],[0,0,1,1,0],[0,0,0,0,1],[0,0,0,0,1],[0,0,0,0,0]]";
        channels(m, 8, 8, 8, 4, 4, 4, 8);
        channels(m, 8, 9, 8, 5, 5, 4, 9);
        String m2 = "[[0,1,0,1,0],[0,0,1,0,1],[0,0,0,1,0],[0,0,0,0,1],[0,0,0,0,0]]";
        channels(m2, 8, 8, 8, 4, 4, 4, 8);
        channels(m2, 8, 15, 8, 8, 7, 7, 15);
    }

    @Test
    void aVertexIsASumNodeThenAnOpNodeAndTheOutputSumsPlacedVerticesAndTheProjection() {
        // input -> v1 -> v2 -> output, v1 -> output, input -> output; 15 output channels: v1 8, v2
        // 7
        Nb101Spec s =
                Nb101Spec.parse(
                        "[[0,1,0,1],[0,0,1,1],[0,0,0,1],[0,0,0,0]]",
                        "[input,conv1x1-bn-relu,maxpool3x3,output]");
        CellDesc c = Nb101Cell.of(0, s, 3, 8, 15, false, 0, 0.9);
        assertEquals(
                List.of(
                        "nb101_projection(c_{k-1})",
                        "conv1x1-bn-relu(n0)",
                        "nb101_truncate(n1)",
                        "maxpool3x3(n2)",
                        "nb101_concat(n1) + nb101_concat(n3) + nb101_projection(c_{k-1})"),
                c.nodes().stream().map(Nb101CellTest::words).toList());
        assertEquals(List.of(8, 8, 7, 7, 15), c.nodeChannels());
        List<EdgeDesc> out = c.nodes().get(4).edges();
        assertEquals(0, out.get(0).op().intParam("offset", -1));
        assertEquals(8, out.get(1).op().intParam("offset", -1));
        assertEquals(0.9, c.nodes().get(1).edges().get(0).op().doubleParam("bn_momentum", 0));
        assertEquals("nb101_unused_input", c.stem0().name());
        assertEquals("identity", c.stem1().name());
        assertEquals(1, c.postOp().intParam("out_states", 0));
    }

    private static String words(NodeDesc n) {
        return String.join(
                " + ",
                n.edges().stream()
                        .map(
                                e ->
                                        e.op().name()
                                                + "("
                                                + DescSummary.stateName(e.inputIds().get(0))
                                                + ")")
                        .toList());
    }
}
