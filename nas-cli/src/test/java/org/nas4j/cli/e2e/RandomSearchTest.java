package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.desc.DescJson;

/** {@code nas run --algo random}: one random cell evaluated, and random search over two. */
class RandomSearchTest {
    @Test
    void aRandomCellIsEvaluatedWithoutSearchTraining(@TempDir Path tmp) {
        Path exp = tmp.resolve("exp");
        E2e.Run run = E2e.nas(E2e.syntheticSearch("run", "random", exp, E2e.TINY_EVAL));
        assertEquals(0, run.exit(), run.both());
        assertTrue(run.out().contains("search: 0 s, 0 epochs"), run.out());
        assertTrue(Files.isRegularFile(exp.resolve("eval/result.json")));
        assertEquals(
                2,
                DescJson.load(exp.resolve("search/final_model_desc.json"))
                        .cells()
                        .get(0)
                        .nodes()
                        .get(0)
                        .edges()
                        .size());
    }

    @Test
    void randomSearchRanksTrialsByValidationAndRetrainsTheBest(@TempDir Path tmp) {
        Path exp = tmp.resolve("rs");
        E2e.Run run =
                E2e.nas(
                        E2e.args(
                                "run",
                                "--algo",
                                "random",
                                "--dataset",
                                "synthetic",
                                "--trials",
                                "2",
                                "--parallel",
                                "2",
                                "--threads-per-trial",
                                "1",
                                "--exp-dir",
                                exp,
                                E2e.TINY_SEARCH,
                                E2e.TINY_EVAL));
        assertEquals(0, run.exit(), run.both());
        Map<String, Object> s = E2e.readJson(exp.resolve("trial_search.json"));
        List<?> trials = (List<?>) s.get("trials");
        assertEquals(2, trials.size());
        double best = Double.NEGATIVE_INFINITY;
        String bestId = null;
        for (Object o : trials) {
            Map<?, ?> t = (Map<?, ?>) o;
            assertEquals("ok", t.get("status"), t.toString());
            double v = ((Number) t.get("val_top1")).doubleValue();
            if (v > best) {
                best = v;
                bestId = (String) t.get("trial");
            }
        }
        assertEquals(bestId, s.get("winner"));
        assertEquals("ok", s.get("best_status"));
        assertTrue(Files.isRegularFile(exp.resolve("best/eval/result.json")));
        assertTrue(run.out().contains("<- best"), run.out());
    }
}
