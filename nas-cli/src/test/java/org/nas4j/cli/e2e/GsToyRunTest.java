package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;

/**
 * {@code nas run --algo gs} end to end on real Fashion-MNIST, at smoke size: a 2-cell
 * Gumbel-softmax supernet searched for 3 batches, the final desc, a 3-cell network trained for 25
 * batches and tested.
 */
class GsToyRunTest {
    @Test
    void toyRunFindsDiscreteCellsAndFinishesTheEvaluation(@TempDir Path tmp) {
        Assumptions.assumeTrue(
                Files.isDirectory(E2e.FASHION_MNIST),
                "Fashion-MNIST is not installed in " + E2e.FASHION_MNIST);
        Path exp = tmp.resolve("exp");
        E2e.Run run =
                E2e.nas(
                        E2e.args(
                                "run",
                                "--algo",
                                "gs",
                                "--exp-dir",
                                exp,
                                E2e.TINY_SEARCH,
                                E2e.TINY_EVAL));
        assertEquals(0, run.exit(), run.both());
        assertTrue(run.out().contains("test accuracy: top-1"), run.out());
        assertTrue(Files.isRegularFile(exp.resolve("search/search_model_desc.json")));
        assertTrue(Files.isRegularFile(exp.resolve("eval/test.json")));

        ModelDesc searched = DescJson.load(exp.resolve("search/search_model_desc.json"));
        EdgeDesc first = searched.cells().get(0).nodes().get(0).edges().get(0);
        assertEquals("gs_op", first.op().name());
        assertTrue(first.op().trainables().containsKey("alphas"), "logits not saved");

        ModelDesc finalDesc = DescJson.load(exp.resolve("search/final_model_desc.json"));
        assertFalse(finalDesc.cells().isEmpty());
        for (CellDesc cell : finalDesc.cells()) {
            for (int n = 0; n < cell.nodes().size(); n++) {
                NodeDesc node = cell.nodes().get(n);
                String where = "cell " + cell.id() + " node " + n;
                // two (edge, op) pairs: two edges, or one multi_op edge
                assertTrue(node.edges().size() == 1 || node.edges().size() == 2, where);
                for (EdgeDesc e : node.edges()) {
                    String op = e.op().name();
                    assertFalse(op.equals("gs_op") || op.equals("none"), where + ": " + op);
                    assertTrue(e.inputIds().get(0) < n + 2, where + " reads a later node");
                }
            }
        }
        Map<String, Object> summary = E2e.readJson(exp.resolve("summary.json"));
        assertEquals("gs", summary.get("algo"));
        double top1 = ((Number) ((Map<?, ?>) summary.get("eval")).get("test_top1")).doubleValue();
        assertTrue(top1 > 0.15, "test top-1 " + top1 + " is not above chance (0.1)");
    }
}
