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
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.search.Algorithms;
import org.nas4j.search.finalize.Finalizers;

/**
 * {@code nas run --algo pc_darts} end to end on real Fashion-MNIST at smoke size (the DARTS toy
 * run's overrides, with {@code k = 2} so two of the four search channels go through each mixed op):
 * the search desc carries every edge's betas, the final desc is discrete, the eval finishes.
 */
class PcDartsToyRunTest {
    @Test
    void toyRunFindsADiscreteCellFromPartialChannelsAndFinishesTheEval(@TempDir Path tmp) {
        Assumptions.assumeTrue(
                Files.isDirectory(E2e.FASHION_MNIST),
                "Fashion-MNIST is not installed in " + E2e.FASHION_MNIST);
        Path exp = tmp.resolve("exp");
        E2e.Run run =
                E2e.nas(
                        E2e.args(
                                "run",
                                "--algo",
                                "pc_darts",
                                "--exp-dir",
                                exp,
                                E2e.TINY_SEARCH,
                                E2e.TINY_EVAL,
                                "--nas.search.pc_darts.k",
                                "2"));
        assertEquals(0, run.exit(), run.both());
        assertTrue(run.out().contains("test accuracy: top-1"), run.out());
        assertTrue(Files.isRegularFile(exp.resolve("eval/test.json")), "eval/test.json");
        assertTrue(Files.isRegularFile(exp.resolve("eval/result.json")), "eval/result.json");

        String searched = read(exp.resolve("search/search_model_desc.json"));
        assertTrue(searched.contains("\"pc_mixed_op\""), "the supernet is made of pc_mixed_op");
        assertTrue(searched.contains("\"beta\""), "the search desc carries the edges' betas");

        ModelDesc finalDesc = DescJson.load(exp.resolve("search/final_model_desc.json"));
        Finalizers.checkDiscrete(finalDesc, Algorithms.installed().opRegistry());
        DartsToyRunTest.assertFinalCellsAreDiscrete(finalDesc, 2);
        assertFalse(read(exp.resolve("search/final_model_desc.json")).contains("pc_mixed_op"));

        Map<String, Object> summary = E2e.readJson(exp.resolve("summary.json"));
        assertEquals("pc_darts", summary.get("algo"));
        assertTrue(((Map<?, ?>) summary.get("eval")).get("test_top1") instanceof Number);
        String report = read(exp.resolve("report.html"));
        assertFalse(report.contains("alphas.jsonl could not be read"), "alpha charts are drawn");
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
