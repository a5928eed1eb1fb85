package org.nas4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nas4j.search.Algorithms;

class AlgosCommandTest {
    @Test
    void algosListsEachInstalledAlgorithmOnOneLineWithDescriptionAndPaper() {
        NasCliTest.Run run = NasCliTest.nas("algos");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(Algorithms.installed().names().size(), lines.size(), run.out());
        String darts = lines.stream().filter(l -> l.startsWith("darts ")).findFirst().orElseThrow();
        assertTrue(darts.contains("Differentiable architecture search"), darts);
        assertTrue(darts.contains("arXiv:1806.09055"), darts);
    }

    @Test
    void helpNamesTheAlgosCommand() {
        NasCliTest.Run run = NasCliTest.nas("--help");
        assertTrue(run.out().lines().anyMatch(l -> l.strip().startsWith("algos ")), run.out());
    }
}
