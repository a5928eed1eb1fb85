package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.desc.DescJson;

/**
 * A search killed (SIGKILL, no chance to clean up) after its first epoch and rerun with the same
 * command continues from the checkpoint and ends exactly where an uninterrupted run ends.
 */
class KillAndResumeTest {
    private static final long CHILD_TIMEOUT_S = 300;

    /** A 2-epoch search on the synthetic data, {@code batch} samples a step, all 128 a epoch. */
    private static List<String> search(Path exp, int batch) {
        return E2e.syntheticSearch(
                "search",
                "darts",
                exp,
                "--nas.search.loader.batch",
                batch,
                "--nas.search.loader.max_batches",
                "-1",
                "--nas.search.trainer.epochs",
                "2");
    }

    @Test
    void searchKilledAfterEpochOneResumesToTheUninterruptedResult(@TempDir Path tmp)
            throws Exception {
        // Smaller batches make epoch 2 longer, in case the kill came after the search finished.
        for (int batch : new int[] {16, 4}) {
            Path killed = tmp.resolve("killed-" + batch);
            if (!killAfterFirstEpoch(search(killed, batch), killed, tmp.resolve("child.log"))) {
                continue;
            }
            Path search = killed.resolve("search");
            Object firstEpochSeconds = E2e.metricsEpoch(search, 0).get("epochSeconds");

            E2e.Run resumed = E2e.nas(search(killed, batch));
            assertEquals(0, resumed.exit(), resumed.both());
            assertEquals(2, E2e.metricsEpochs(search));
            // A restart would have measured epoch 1 anew; a resumed run keeps its record.
            assertEquals(firstEpochSeconds, E2e.metricsEpoch(search, 0).get("epochSeconds"));

            Path whole = tmp.resolve("uninterrupted-" + batch);
            E2e.Run reference = E2e.nas(search(whole, batch));
            assertEquals(0, reference.exit(), reference.both());

            for (String desc : List.of("final_model_desc.json", "search_model_desc.json")) {
                assertEquals(
                        DescJson.load(whole.resolve("search").resolve(desc)),
                        DescJson.load(search.resolve(desc)),
                        desc + " of the resumed run differs from the uninterrupted run's");
            }
            return;
        }
        fail(
                "The child search always finished its second epoch before it could be killed,"
                        + " even with batches of 4; the test needs longer epochs.");
    }

    /**
     * Runs {@code args} in a child JVM and kills it as soon as the checkpoint of epoch 1 exists.
     *
     * @return false when the kill came too late (the second epoch was already recorded)
     */
    private static boolean killAfterFirstEpoch(List<String> args, Path exp, Path log)
            throws IOException, InterruptedException {
        Path search = exp.resolve("search");
        Path checkpoint = search.resolve("checkpoint/checkpoint.bin");
        Process child = E2e.childNas(args, log).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_TIMEOUT_S);
            while (!Files.exists(checkpoint)) {
                if (!child.isAlive()) {
                    fail(
                            "The child search exited ("
                                    + child.exitValue()
                                    + ") before its first checkpoint:\n"
                                    + Files.readString(log));
                }
                if (System.nanoTime() > deadline) {
                    fail(
                            "No checkpoint after "
                                    + CHILD_TIMEOUT_S
                                    + " s:\n"
                                    + Files.readString(log));
                }
                Thread.sleep(10);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        return !Files.exists(search.resolve("final_model_desc.json"))
                && E2e.metricsEpochs(search) == 1;
    }
}
