package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.trials.Ledger;
import org.nas4j.trials.TrialProcess;

/**
 * {@code nas sweep} on both engines with tiny trials on synthetic data: a trial process killed with
 * SIGKILL mid-search is retried by Spark (local[2], task failures allowed), resumes from its
 * checkpoint, and the sweep ends exactly as an uninterrupted one on the local engine; a rerun runs
 * nothing; a trial whose conf is bad fails once.
 */
class SweepTest {
    /** Two search epochs, so a kill after the first checkpoint lands in the middle of the run. */
    private static final List<String> TRIAL =
            E2e.args(
                    "--dataset",
                    "synthetic",
                    E2e.TINY_SEARCH,
                    E2e.TINY_EVAL,
                    "--nas.search.trainer.epochs",
                    "2",
                    "--nas.search.loader.max_batches",
                    "6");

    private static List<Map<?, ?>> trials(Path sweepDir) {
        @SuppressWarnings("unchecked")
        List<Map<?, ?>> rows =
                (List<Map<?, ?>>) E2e.readJson(sweepDir.resolve("sweep.json")).get("trials");
        return rows;
    }

    /**
     * Kills (SIGKILL) the process of the trial in {@code trialDir} once its first checkpoint
     * exists.
     */
    private static Thread killer(Path trialDir, AtomicBoolean killed) {
        Thread t =
                new Thread(
                        () -> {
                            Path ckpt = trialDir.resolve("search/checkpoint/checkpoint.bin");
                            long deadline = System.nanoTime() + 120_000_000_000L;
                            while (!killed.get() && System.nanoTime() < deadline) {
                                Path pid = trialDir.resolve(TrialProcess.PID);
                                if (Files.exists(ckpt) && Files.exists(pid)) {
                                    try {
                                        long n = Long.parseLong(Files.readString(pid).trim());
                                        ProcessHandle.of(n)
                                                .ifPresent(
                                                        p -> {
                                                            p.destroyForcibly();
                                                            killed.set(true);
                                                        });
                                    } catch (java.io.IOException | NumberFormatException e) {
                                        // the pid file is being written or removed: poll again
                                    }
                                }
                                try {
                                    Thread.sleep(10);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        });
        t.setDaemon(true);
        return t;
    }

    @Test
    void aKilledTrialIsRetriedBySparkAndEndsAsAnUninterruptedSweep(@TempDir Path tmp)
            throws Exception {
        Path spark = tmp.resolve("spark");
        AtomicBoolean killed = new AtomicBoolean();
        Thread k = killer(spark.resolve("seed_0"), killed);
        k.start();
        E2e.Run run =
                E2e.nas(
                        E2e.args(
                                "sweep",
                                "--algo",
                                "darts",
                                "--seeds",
                                "2",
                                "--engine",
                                "spark",
                                "--parallel",
                                "2",
                                "--threads-per-trial",
                                "1",
                                "--sweep-dir",
                                spark,
                                TRIAL));
        k.interrupt();
        assertEquals(0, run.exit(), run.both());
        assertTrue(killed.get(), "the killer never found trial seed_0's process");

        Path local = tmp.resolve("local");
        E2e.Run ref =
                E2e.nas(
                        E2e.args(
                                "sweep",
                                "--algo",
                                "darts",
                                "--seeds",
                                "2",
                                "--engine",
                                "local",
                                "--parallel",
                                "2",
                                "--threads-per-trial",
                                "1",
                                "--sweep-dir",
                                local,
                                TRIAL));
        assertEquals(0, ref.exit(), ref.both());

        List<Map<?, ?>> a = trials(spark);
        List<Map<?, ?>> b = trials(local);
        assertEquals(2, a.size());
        assertEquals(2.0, ((Number) a.get(0).get("attempts")).doubleValue(), run.both());
        assertEquals(1.0, ((Number) a.get(1).get("attempts")).doubleValue());
        for (int i = 0; i < 2; i++) {
            assertEquals(b.get(i).get("genotype"), a.get(i).get("genotype"));
            assertEquals(b.get(i).get("test_top1"), a.get(i).get("test_top1"));
        }
        assertTrue(run.out().contains("+-"), run.out()); // mean +- std printed
        assertTrue(Files.isRegularFile(spark.resolve("report.html")));
        assertTrue(Files.readString(spark.resolve(Ledger.FILE)).contains("\"status\":\"ok\""));

        // a rerun on the same directory runs nothing
        E2e.Run again =
                E2e.nas(
                        E2e.args(
                                "sweep",
                                "--algo",
                                "darts",
                                "--seeds",
                                "2",
                                "--engine",
                                "local",
                                "--sweep-dir",
                                local,
                                TRIAL));
        assertEquals(0, again.exit(), again.both());
        assertTrue(again.out().contains("(0 to run)"), again.out());

        // the best trial's cells trained again with the eval protocol
        E2e.Run retrain = E2e.nas(E2e.args("retrain", "--exp", local, "--top", "1", E2e.TINY_EVAL));
        assertEquals(0, retrain.exit(), retrain.both());
        Map<String, Object> r = E2e.readJson(local.resolve("retrain.json"));
        Map<?, ?> row = (Map<?, ?>) ((List<?>) r.get("trials")).get(0);
        assertEquals("ok", row.get("status"), r.toString());
        assertTrue(Files.isRegularFile(Path.of((String) row.get("exp_dir"), "eval/result.json")));
    }

    @Test
    void aTrialWithABadConfFailsOnceWithItsMessage(@TempDir Path tmp) {
        Path dir = tmp.resolve("sweep");
        E2e.Run run =
                E2e.nas(
                        E2e.args(
                                "sweep",
                                "--algo",
                                "darts",
                                "--engine",
                                "local",
                                "--attempts",
                                "3",
                                "--sweep-dir",
                                dir,
                                TRIAL,
                                "--common.device",
                                "gpu:7"));
        assertEquals(1, run.exit(), run.both());
        Map<?, ?> row = trials(dir).get(0);
        assertEquals("failed", row.get("status"));
        assertEquals(1.0, ((Number) row.get("attempts")).doubleValue());
        assertTrue(String.valueOf(row.get("message")).contains("gpu:7"), row.toString());
    }
}
