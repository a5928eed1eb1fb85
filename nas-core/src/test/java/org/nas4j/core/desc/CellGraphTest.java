package org.nas4j.core.desc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CellGraphTest {

    private static NodeDesc node(int... inputs) {
        List<EdgeDesc> edges =
                java.util.Arrays.stream(inputs)
                        .mapToObj(i -> DescFixtures.edge("skip_connect", 4, 1, i))
                        .toList();
        return new NodeDesc(edges, ConvMacroParams.of(4));
    }

    @Test
    void topologicalOrderPutsEveryStateAfterItsInputs() {
        // node 0 reads c_{k-1}; node 1 reads node 0 and c_{k-2}; node 2 reads node 1 only
        CellGraph g = CellGraph.of(List.of(node(1), node(2, 0), node(3)));
        List<Integer> order = g.topologicalOrder();
        assertEquals(5, order.size());
        assertEquals(Set.of(0, 1, 2, 3, 4), Set.copyOf(order));
        assertTrue(order.indexOf(1) < order.indexOf(2));
        assertTrue(order.indexOf(2) < order.indexOf(3));
        assertTrue(order.indexOf(0) < order.indexOf(3));
        assertTrue(order.indexOf(3) < order.indexOf(4));
        assertEquals(Set.of(0, 2), g.inputsOf(3));
        assertTrue(g.problems().isEmpty());
    }

    @Test
    void reportsMissingForwardAndCycleClosingInputs() {
        // node 0 reads node 1 (forward), node 1 reads node 0 (closes the cycle), node 1 reads 9
        CellGraph g = CellGraph.of(List.of(node(3), node(2, 9)));
        assertEquals(
                List.of(
                        new CellGraph.Problem(0, 0, 0, 3, CellGraph.Kind.FORWARD),
                        new CellGraph.Problem(1, 0, 0, 2, CellGraph.Kind.CYCLE),
                        new CellGraph.Problem(1, 1, 0, 9, CellGraph.Kind.MISSING)),
                g.problems());
    }

    @Test
    void aSelfLoopIsACycle() {
        CellGraph g = CellGraph.of(List.of(node(2)));
        assertEquals(CellGraph.Kind.CYCLE, g.problems().get(0).kind());
    }

    @Test
    void nodesWithoutAPathFromTheInputsAreUnreachable() {
        // node 0 has no edges; node 1 reads only node 0; node 2 reads c_{k-2}
        CellGraph g = CellGraph.of(List.of(node(), node(2), node(0)));
        assertEquals(Set.of(2, 3), g.unreachableNodes());
        assertEquals(5, g.stateCount());
    }

    @Test
    void viewOfAFixtureCellHasNoProblems() {
        CellDesc cell = DescFixtures.small().cells().get(1);
        CellGraph g = CellGraph.of(cell);
        assertTrue(g.problems().isEmpty());
        assertEquals(Set.of(1, 2), g.inputsOf(3));
        assertTrue(g.unreachableNodes().isEmpty());
    }
}
