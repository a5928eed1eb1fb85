package org.nas4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExperimentDirTest {
    private final ExperimentDir exp = ExperimentDir.of(Path.of("runs", "darts_toy"));

    private static String rel(Path p) {
        return Path.of("runs", "darts_toy").relativize(p).toString().replace('\\', '/');
    }

    @Test
    void layoutKeepsTheNamesExistingExperimentsUse() {
        assertEquals("summary.json", rel(exp.summary()));
        assertEquals("report.html", rel(exp.report()));
        PhaseDir s = exp.search();
        assertEquals("search/config_used.yaml", rel(s.configUsed()));
        assertEquals("search/provenance.json", rel(s.provenance()));
        assertEquals("search/log.txt", rel(s.log()));
        assertEquals("search/metrics.json", rel(s.metrics()));
        assertEquals("search/alphas.jsonl", rel(s.alphas()));
        assertEquals("search/checkpoint", rel(s.checkpointDir()));
        assertEquals("search/checkpoint/checkpoint.bin", rel(s.checkpoint()));
        assertEquals("search/search_model_desc.json", rel(s.searchDesc()));
        assertEquals("search/final_model_desc.json", rel(s.finalDesc()));
        assertEquals("search/result.json", rel(s.result()));
        PhaseDir e = exp.eval();
        assertEquals("eval/full_model_desc.json", rel(e.fullDesc()));
        assertEquals("eval/model.params", rel(e.modelParams()));
        assertEquals("eval/test.json", rel(e.testResult()));
        assertEquals("eval/result.json", rel(e.result()));
    }

    @Test
    void phaseByNameIsSearchOrEvalOnly() {
        assertEquals(exp.search().dir(), exp.phase("search").dir());
        assertEquals(exp.eval().dir(), exp.phase("eval").dir());
        NasException e = assertThrows(NasException.class, () -> exp.phase("train"));
        assertEquals(
                "There is no phase 'train' in an experiment; the phases are [search, eval].",
                e.getMessage());
    }
}
