package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.search.Algorithms;
import org.nas4j.search.finalize.Finalizers;

/**
 * {@code nas run --algo petridish} end to end on real Fashion-MNIST at smoke size: one seed and one
 * grown child, each a trial process (the child's candidate search and its training two), two at
 * once; the hull's models retrained as trials; the pool, {@code pareto.tsv}, the hull gallery,
 * {@code petridish.json} and the report. A rerun on the same directory runs no trial again.
 */
class PetridishToyRunTest {
    @Test
    void toyRunGrowsAChildRetrainsTheHullAndResumesWithoutRerunning(@TempDir Path tmp)
            throws Exception {
        Assumptions.assumeTrue(
                Files.isDirectory(E2e.FASHION_MNIST),
                "Fashion-MNIST is not installed in " + E2e.FASHION_MNIST);
        Path exp = tmp.resolve("exp");
        List<String> args =
                E2e.args(
                        "run",
                        "--algo",
                        "petridish",
                        "--exp-dir",
                        exp,
                        "--parallel",
                        "2",
                        "--threads-per-trial",
                        "1",
                        E2e.TINY_SEARCH,
                        E2e.TINY_EVAL,
                        "--nas.search.petridish.seeds.nodes",
                        "[1, 1]",
                        "--nas.search.petridish.max_models",
                        "2");
        E2e.Run run = E2e.nas(args);
        assertEquals(0, run.exit(), run.both());
        assertTrue(run.out().contains("m0 grows from seed_r1_c3_n1"), run.out());

        Map<String, Object> pool = E2e.readJson(exp.resolve("pool.json"));
        assertEquals("nas4j.petridish_pool", pool.get("format"));
        List<?> models = (List<?>) pool.get("models");
        assertEquals(2, models.size());
        assertEquals("seed_r1_c3_n1", ((Map<?, ?>) models.get(1)).get("parent"));
        assertEquals(3, Files.readAllLines(exp.resolve("pareto.tsv")).size());

        Map<String, Object> summary = E2e.readJson(exp.resolve("petridish.json"));
        List<?> hull = (List<?>) summary.get("hull");
        assertFalse(hull.isEmpty());
        List<?> evals = (List<?>) summary.get("eval");
        assertEquals(hull.size(), evals.size());
        for (Object o : evals) {
            Map<?, ?> e = (Map<?, ?>) o;
            assertEquals("ok", e.get("status"), e.toString());
            assertTrue(((Number) e.get("test_top1")).doubleValue() > 0.1, e.toString());
            Path desc = exp.resolve("hull").resolve(e.get("id") + ".json");
            ModelDesc d = DescJson.load(desc);
            Finalizers.checkDiscrete(d, Algorithms.installed().opRegistry());
            assertTrue(
                    Files.isRegularFile(
                            exp.resolve("eval").resolve(e.get("id") + "/eval/result.json")));
        }
        String html = Files.readString(exp.resolve("report.html"));
        assertTrue(html.contains("class=\"lineage\""), "no lineage in the report");
        assertTrue(html.contains("<svg"), "no drawing in the report");

        String ledger = Files.readString(exp.resolve("models/trials.jsonl"));
        String evalLedger = Files.readString(exp.resolve("eval/trials.jsonl"));
        E2e.Run again = E2e.nas(args);
        assertEquals(0, again.exit(), again.both());
        assertEquals(ledger, Files.readString(exp.resolve("models/trials.jsonl")));
        assertEquals(evalLedger, Files.readString(exp.resolve("eval/trials.jsonl")));
        assertEquals(pool, E2e.readJson(exp.resolve("pool.json")));
    }
}
