package org.nas4j.trials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.NasException;

class LedgerTest {
    private static Trial trial(String id, Path dir) {
        return new Trial(id, "run", "darts", List.of(), List.of(), dir.resolve(id).toString(), 1);
    }

    @Test
    void finishedTrialsAreSkippedWhenTheLedgerIsOpenedAgain(@TempDir Path tmp) throws Exception {
        Trial a = trial("a", tmp);
        Trial b = trial("b", tmp);
        Ledger l = Ledger.open(tmp);
        l.started(a);
        l.started(b);
        l.finished(a, new TrialResult("a", TrialResult.OK, 2, 0, 1.5, "", Map.of("x", 1.0)));
        l.finished(b, new TrialResult("b", TrialResult.FAILED, 1, 1, 0.1, "nas: bad", Map.of()));

        Ledger again = Ledger.open(tmp);
        assertTrue(again.isDone("a"));
        assertFalse(again.isDone("b"));
        assertEquals(List.of(b), again.missing(List.of(a, b)));
        assertEquals(2, Files.readAllLines(tmp.resolve(Ledger.FILE)).size());
        assertEquals(2.0, ((Number) again.lines().get("a").get("attempts")).doubleValue());
        assertEquals("nas: bad", again.lines().get("b").get("message"));
    }

    @Test
    void aCorruptLineIsNamedWithWhatToDo(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve(Ledger.FILE), "{\"trial\":\"a\",\"status\":\"ok\"}\n{oops\n");
        NasException e = assertThrows(NasException.class, () -> Ledger.open(tmp));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void summaryStatsAreMeanAndSampleStd() {
        Map<String, Object> s = SweepSummary.stats(List.of(0.8, 0.9, 1.0));
        assertEquals(0.9, (double) s.get("mean"), 1e-12);
        assertEquals(0.1, (double) s.get("std"), 1e-12);
        assertEquals(null, SweepSummary.stats(List.of(0.5)).get("std"));
    }

    @Test
    void exitCodesOneAndTwoArePermanentFailures() {
        assertTrue(TrialProcess.permanent(1));
        assertTrue(TrialProcess.permanent(2));
        assertFalse(TrialProcess.permanent(137)); // SIGKILL
        assertFalse(TrialProcess.permanent(70)); // an internal error may be transient
    }
}
