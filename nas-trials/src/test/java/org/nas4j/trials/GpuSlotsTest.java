package org.nas4j.trials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.NasException;

class GpuSlotsTest {
    @TempDir Path tmp;

    @Test
    void idsComeFromCudaVisibleDevicesElseFromTheDriversBoardList() throws Exception {
        Path boards = Files.createDirectories(tmp.resolve("gpus"));
        Files.createDirectory(boards.resolve("0000:01:00.0"));
        Files.createDirectory(boards.resolve("0000:02:00.0"));
        assertEquals(List.of("0", "1"), GpuSlots.visibleIds(null, boards));
        assertEquals(List.of("3", "5"), GpuSlots.visibleIds("3, 5", boards));
        assertEquals(List.of(), GpuSlots.visibleIds("", boards));
        assertEquals(List.of(), GpuSlots.visibleIds(null, tmp.resolve("absent")));
    }

    @Test
    void moreGpusPerTrialThanTheMachineHasIsRefused() {
        NasException e = assertThrows(NasException.class, () -> new GpuSlots(List.of("0", "1"), 3));
        assertTrue(e.getMessage().contains("at most 2"), e.getMessage());
        assertEquals(1, new GpuSlots(List.of("0", "1"), 2).concurrentTrials());
        assertEquals(Integer.MAX_VALUE, new GpuSlots(List.of("0"), 0).concurrentTrials());
    }

    @Test
    void aTrialTakingNoGpuSeesNone() throws Exception {
        GpuSlots s = new GpuSlots(List.of("0", "1"), 0);
        assertTrue(s.managed());
        assertEquals("", s.acquire());
    }

    /** Four trials on two GPUs: each sees one, and two running at once never share one. */
    @Test
    void theLocalEngineGivesEachRunningTrialAGpuOfItsOwn() throws Exception {
        List<String[]> seen = runEchoTrials(4, new GpuSlots(List.of("g0", "g1"), 1), 4, false);
        assertDistinctWhileOverlapping(seen);
    }

    private static void assertDistinctWhileOverlapping(List<String[]> seen) {
        for (String[] s : seen) {
            assertTrue(s[0].equals("g0") || s[0].equals("g1"), s[0]);
        }
        for (int i = 0; i < seen.size(); i++) {
            for (int j = i + 1; j < seen.size(); j++) {
                boolean overlap =
                        Long.parseLong(seen.get(i)[1]) < Long.parseLong(seen.get(j)[2])
                                && Long.parseLong(seen.get(j)[1]) < Long.parseLong(seen.get(i)[2]);
                if (overlap) {
                    assertNotEquals(seen.get(i)[0], seen.get(j)[0], "two trials on one GPU");
                }
            }
        }
    }

    @Test
    void sparkInLocalModeHandsOutTheGpusTheSameWay() throws Exception {
        List<String[]> seen = runEchoTrials(3, new GpuSlots(List.of("g0", "g1"), 1), 3, true);
        assertDistinctWhileOverlapping(seen);
    }

    @Test
    void withoutGpusTrialsInheritTheEnvironment() throws Exception {
        String inherited = System.getenv(GpuSlots.VISIBLE);
        List<String[]> seen = runEchoTrials(1, GpuSlots.none(), 1, false);
        assertEquals(inherited == null ? "<unset>" : inherited, seen.get(0)[0]);
    }

    private List<String[]> runEchoTrials(int n, GpuSlots gpus, int parallel, boolean spark)
            throws Exception {
        TrialProcess echo =
                new TrialProcess(
                        TrialProcess.ofThisJvm("64m").javaCommand(),
                        List.of("-Xmx64m"),
                        System.getProperty("java.class.path"),
                        EnvEcho.class.getName());
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            trials.add(
                    new Trial(
                            "t" + i,
                            "run",
                            "darts",
                            List.of(),
                            List.of(),
                            tmp.resolve("t" + i).toString(),
                            0));
        }
        Ledger ledger = Ledger.open(tmp);
        TrialEngine engine =
                spark
                        ? new SparkEngine(echo, SparkEngine.localMaster(parallel, 1), 1, 1, 1, gpus)
                        : new LocalEngine(echo, parallel, 1, gpus);
        List<TrialResult> results = engine.run(trials, ledger);
        List<String[]> seen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            assertEquals(TrialResult.OK, results.get(i).status(), results.get(i).message());
            seen.add(Files.readString(tmp.resolve("t" + i).resolve("gpus.txt")).split(" "));
        }
        return seen;
    }
}
