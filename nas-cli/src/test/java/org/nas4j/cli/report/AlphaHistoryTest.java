package org.nas4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.NasException;

class AlphaHistoryTest {

    @Test
    void softmaxMatchesHandComputation() {
        // exp(0)=1, exp(ln 3)=3: weights 1/4 and 3/4; a shift by 1000 must not overflow
        assertArrayEquals(
                new double[] {0.25, 0.75},
                AlphaHistory.softmax(new double[] {0, Math.log(3)}),
                1e-12);
        assertArrayEquals(
                new double[] {0.25, 0.75},
                AlphaHistory.softmax(new double[] {1000, 1000 + Math.log(3)}),
                1e-12);
    }

    @Test
    void readsEpochsEdgesAndPrimitives(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("alphas.jsonl");
        Files.writeString(f, FakeExperiment.alphas(3));
        AlphaHistory h = AlphaHistory.load(f);
        assertEquals(FakeExperiment.PRIMITIVES, h.primitives());
        assertEquals(List.of(0, 1, 2), h.epochs());
        assertEquals(2 * 14, h.edges().size(), "14 edges in each of 2 cells");
        assertEquals(0.3, h.weights().get(2).get("cell0.node0.edge0.alphas")[3], 1e-12);
    }

    @Test
    void malformedLineIsNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("alphas.jsonl");
        Files.writeString(
                f,
                "{\"epoch\": 0, \"primitives\": [\"a\", \"b\"], \"alphas\": {\"e\": [0, 1]}}\n"
                        + "{\"epoch\": 1, \"primitives\": [\"a\", \"b\"], \"alphas\": {\"e\": [0]}}\n");
        NasException e = assertThrows(NasException.class, () -> AlphaHistory.load(f));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("1 weights for 2 primitives"), e.getMessage());
    }

    @Test
    void otherArchitectureWeightsBesideTheAlphasAreSkipped(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("alphas.jsonl");
        Files.writeString(
                f,
                "{\"epoch\": 0, \"primitives\": [\"a\", \"b\"], \"alphas\":"
                        + " {\"cell0.node0.edge0.alphas\": [0, 0], \"cell0.node0.edge0.w\": [1]}}\n");
        AlphaHistory h = AlphaHistory.load(f);
        assertEquals(List.of("cell0.node0.edge0.alphas"), h.edges());
    }

    @Test
    void rowLabelsNameTheInputStateOfEachEdge() {
        assertEquals("node 0 ← c_{k-2}", ReportCharts.rowLabel("cell0.node0.edge0.alphas"));
        assertEquals("node 2 ← c_{k-1}", ReportCharts.rowLabel("cell1.node2.edge1.alphas"));
        assertEquals("node 3 ← node 1", ReportCharts.rowLabel("cell0.node3.edge3.alphas"));
    }

    @Test
    void snapshotsSpreadFromFirstToLast() {
        assertEquals(List.of(0), ReportCharts.snapshots(1));
        assertEquals(List.of(0, 1), ReportCharts.snapshots(2));
        assertEquals(List.of(0, 3, 6, 9), ReportCharts.snapshots(10));
    }

    @Test
    void ticksAreRoundAndCoverTheRange() {
        assertArrayEquals(new double[] {0, 0.5, 1, 1.5, 2}, LineChart.ticks(0.1, 1.9, 0), 1e-12);
        assertArrayEquals(new double[] {1, 2, 3}, LineChart.ticks(1, 3, 1), 1e-12);
    }
}
