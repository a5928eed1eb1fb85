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
import org.nas4j.core.desc.OpDesc;

/** {@code nas run --algo divnas} on real Fashion-MNIST with tiny networks. */
class DivnasToyRunTest {
    @Test
    void tinyRunChoosesDiverseCandidatesAndEvaluates(@TempDir Path tmp) {
        Assumptions.assumeTrue(
                Files.isDirectory(E2e.FASHION_MNIST),
                "Fashion-MNIST is not installed in " + E2e.FASHION_MNIST);
        Path exp = tmp.resolve("exp");
        E2e.Run run =
                E2e.nas(
                        E2e.args(
                                "run",
                                "--algo",
                                "divnas",
                                "--exp-dir",
                                exp,
                                E2e.TINY_SEARCH,
                                E2e.TINY_EVAL,
                                "--nas.search.trainer.arch_warmup_epochs",
                                "0",
                                "--nas.search.finalizer.activation_batches",
                                "2"));
        assertEquals(0, run.exit(), run.both());
        assertTrue(run.out().contains("test accuracy: top-1"), run.out());

        ModelDesc finalDesc = DescJson.load(exp.resolve("search/final_model_desc.json"));
        for (CellDesc cell : finalDesc.cells()) {
            assertEquals(4, cell.nodes().size());
            for (int n = 0; n < cell.nodes().size(); n++) {
                NodeDesc node = cell.nodes().get(n);
                String where = "cell " + cell.id() + " node " + n;
                int ops = 0;
                for (EdgeDesc e : node.edges()) {
                    assertEquals(1, e.inputIds().size(), where);
                    assertTrue(e.inputIds().get(0) < n + 2, where + " reads a later node");
                    boolean multi = !e.op().children().isEmpty();
                    for (OpDesc op : multi ? e.op().children() : java.util.List.of(e.op())) {
                        assertFalse(
                                op.name().equals("divnas_op") || op.name().equals("none"),
                                where + ": " + op.name());
                        ops++;
                    }
                }
                // two (edge, op) candidates: two edges, or one multi_op edge holding both
                assertEquals(2, ops, where + ": " + node.edges());
            }
        }
        Map<String, Object> summary = E2e.readJson(exp.resolve("summary.json"));
        assertEquals("divnas", summary.get("algo"));
        Map<?, ?> eval = (Map<?, ?>) summary.get("eval");
        assertTrue(((Number) eval.get("test_top1")).doubleValue() > 0.0, "eval: " + eval);
    }
}
