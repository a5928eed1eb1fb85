package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
 * {@code nas run --algo xnas} end to end on real Fashion-MNIST, at smoke size: a 2-cell XNAS
 * supernet searched for 3 batches, the final cell trained on 25 batches and tested.
 */
class XnasToyRunTest {
    @Test
    void toyRunFindsADiscreteCellAndFinishesTheEval(@TempDir Path tmp) {
        Assumptions.assumeTrue(
                Files.isDirectory(E2e.FASHION_MNIST),
                "Fashion-MNIST is not installed in " + E2e.FASHION_MNIST);
        Path exp = tmp.resolve("exp");
        E2e.Run run =
                E2e.nas(
                        E2e.args(
                                "run",
                                "--algo",
                                "xnas",
                                "--exp-dir",
                                exp,
                                E2e.TINY_SEARCH,
                                E2e.TINY_EVAL));
        assertEquals(0, run.exit(), run.both());
        assertTrue(run.out().contains("test accuracy: top-1"), run.out());
        assertTrue(Files.isRegularFile(exp.resolve("search/search_model_desc.json")));
        assertTrue(Files.isRegularFile(exp.resolve("eval/test.json")));

        String searchDesc = readString(exp.resolve("search/search_model_desc.json"));
        assertTrue(searchDesc.contains("xnas_op") && searchDesc.contains("log_weights"));
        ModelDesc finalDesc = DescJson.load(exp.resolve("search/final_model_desc.json"));
        assertFalse(finalDesc.cells().isEmpty());
        for (CellDesc cell : finalDesc.cells()) {
            for (NodeDesc node : cell.nodes()) {
                assertEquals(2, node.edges().size(), "edges of a node of cell " + cell.id());
                for (EdgeDesc e : node.edges()) {
                    String op = e.op().name();
                    assertFalse(op.equals("xnas_op") || op.equals("none"), op);
                }
            }
        }
        Map<String, Object> summary = E2e.readJson(exp.resolve("summary.json"));
        assertEquals("xnas", summary.get("algo"));
        double top1 = ((Number) ((Map<?, ?>) summary.get("eval")).get("test_top1")).doubleValue();
        assertTrue(top1 > 0.0 && top1 <= 1.0, "test top-1 " + top1);
    }

    @Test
    void searchBenchTimesTheXnasStepOnce() {
        E2e.Run run =
                E2e.nas(
                        E2e.args(
                                "bench",
                                "--algo",
                                "xnas",
                                "--dataset",
                                "synthetic",
                                "--phase",
                                "search",
                                "--steps",
                                "1",
                                "--warmup",
                                "1",
                                E2e.TINY_SEARCH));
        assertEquals(0, run.exit(), run.both());
        JsonObject j = JsonParser.parseString(run.out().strip()).getAsJsonObject();
        assertEquals("xnas", j.get("algo").getAsString());
        assertFalse(j.has("first_order") || j.has("order"), j.toString());
        assertTrue(j.get("step_ms_median").getAsDouble() > 0, j.toString());
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
