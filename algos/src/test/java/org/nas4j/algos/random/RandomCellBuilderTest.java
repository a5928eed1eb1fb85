package org.nas4j.algos.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nas4j.core.conf.AlgoConfs;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;

class RandomCellBuilderTest {
    private static ModelDesc build(long seed) {
        Conf conf = Conf.load(AlgoConfs.confPaths("random", false, null, null), List.of());
        return new RandomCellBuilder(seed)
                .build(conf.child("nas.search.model_desc"), "search", null);
    }

    @Test
    void everyNodeHasTwoOpsOnTwoDistinctEarlierStatesAndNeverNone() {
        ModelDesc d = build(3);
        for (CellDesc c : d.cells()) {
            for (int i = 0; i < c.nodes().size(); i++) {
                NodeDesc n = c.nodes().get(i);
                assertEquals(2, n.edges().size());
                int a = n.edges().get(0).inputIds().get(0);
                int b = n.edges().get(1).inputIds().get(0);
                assertTrue(a < b && b < i + 2, "inputs " + a + ", " + b + " of node " + i);
                for (EdgeDesc e : n.edges()) {
                    assertFalse(e.op().name().equals("none"));
                    int in = e.inputIds().get(0);
                    assertEquals(c.isReduction() && in < 2 ? 2 : 1, e.op().stride());
                }
            }
        }
    }

    @Test
    void cellsOfOneTypeShareTheirDrawAndTheSeedDecidesIt() {
        ModelDesc d = build(3);
        List<CellDesc> normal = d.cells().stream().filter(c -> !c.isReduction()).toList();
        assertEquals(names(normal.get(0)), names(normal.get(normal.size() - 1)));
        assertEquals(d, build(3));
        assertNotEquals(names(normal.get(0)), names(firstNormal(build(4))));
    }

    private static CellDesc firstNormal(ModelDesc d) {
        return d.cells().stream().filter(c -> !c.isReduction()).findFirst().orElseThrow();
    }

    private static List<String> names(CellDesc c) {
        return c.nodes().stream()
                .flatMap(n -> n.edges().stream())
                .map(e -> e.op().name() + "@" + e.inputIds().get(0))
                .toList();
    }
}
