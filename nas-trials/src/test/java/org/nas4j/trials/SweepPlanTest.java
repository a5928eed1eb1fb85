package org.nas4j.trials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nas4j.core.NasException;

class SweepPlanTest {
    @Test
    void seedsAndGridsMakeTheCrossProductWithNamedIds() {
        List<Trial> ts =
                new SweepPlan(
                                "run",
                                "darts",
                                List.of("--preset", "quick"),
                                List.of("--a.b", "1"),
                                2)
                        .seeds(List.of(0L, 1L))
                        .grid("nas.search.model_desc.n_cells=5,8")
                        .trials(Path.of("/s"));
        assertEquals(
                List.of(
                        "n_cells=5.seed_0",
                        "n_cells=5.seed_1",
                        "n_cells=8.seed_0",
                        "n_cells=8.seed_1"),
                ts.stream().map(Trial::id).toList());
        Trial t = ts.get(3);
        assertEquals("/s/n_cells=8.seed_1", t.expDir());
        assertEquals(
                List.of(
                        "run",
                        "--algo",
                        "darts",
                        "--preset",
                        "quick",
                        "--exp-dir",
                        "/s/n_cells=8.seed_1",
                        "--common.num_threads",
                        "2",
                        "--a.b",
                        "1",
                        "--nas.search.model_desc.n_cells",
                        "8",
                        "--common.seed",
                        "1"),
                t.args());
    }

    @Test
    void noSeedsAndNoGridIsOneTrial() {
        List<Trial> ts =
                new SweepPlan("run", "darts", List.of(), List.of(), 0).trials(Path.of("x"));
        assertEquals(1, ts.size());
        assertTrue(!ts.get(0).args().contains("--common.seed"));
    }

    @Test
    void aMalformedGridSaysWhatItShouldLookLike() {
        SweepPlan p = new SweepPlan("run", "darts", List.of(), List.of(), 0);
        NasException e = assertThrows(NasException.class, () -> p.grid("n_cells"));
        assertTrue(e.getMessage().contains("KEY=V1,V2"), e.getMessage());
        p.grid("a=1");
        assertThrows(NasException.class, () -> p.grid("a=2"));
    }

    @Test
    void trialIdsArePlainNamesAndCommandsAreKnown() {
        assertThrows(
                NasException.class,
                () -> new Trial("../x", "run", "darts", List.of(), List.of(), "d", 0));
        assertThrows(
                NasException.class,
                () -> new Trial("x", "rm", "darts", List.of(), List.of(), "d", 0));
    }
}
