package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.desc.DescJson;
import org.nas4j.train.Checkpoint;
import org.nas4j.train.EpochPosition;

/**
 * With {@code trainer.checkpoint_every_steps}, a search killed by SIGKILL in the middle of its only
 * epoch continues from its last step checkpoint (not from the start of the epoch) and ends exactly
 * where an uninterrupted search ends.
 */
class StepCheckpointKillTest {
    private static final long CHILD_TIMEOUT_S = 300;

    /** One epoch of 16 steps of 8 synthetic samples, a checkpoint every 2 steps. */
    private static List<String> search(Path exp) {
        return E2e.syntheticSearch(
                "search",
                "darts",
                exp,
                "--nas.search.loader.batch",
                "8",
                "--nas.search.loader.max_batches",
                "-1",
                "--nas.search.trainer.checkpoint_every_steps",
                "2");
    }

    @Test
    void aSearchKilledMidEpochContinuesFromItsLastStepCheckpoint(@TempDir Path tmp)
            throws Exception {
        Path exp = tmp.resolve("killed");
        Path search = exp.resolve("search");
        Path log = tmp.resolve("child.log");
        Process child = E2e.childNas(search(exp), log).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_TIMEOUT_S);
            while (!Files.exists(search.resolve("checkpoint/checkpoint.bin"))) {
                if (!child.isAlive() || System.nanoTime() > deadline) {
                    fail("No step checkpoint appeared:\n" + Files.readString(log));
                }
                Thread.sleep(10);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
            child.waitFor();
        }
        EpochPosition at = Checkpoint.readProgress(search.resolve("checkpoint")).position();
        assertNotNull(
                at, "the child finished its epoch before the kill:\n" + Files.readString(log));
        assertEquals(0, at.batch() % 2, "step checkpoints come every 2 steps");
        assertEquals(16, at.batchesPerEpoch());

        E2e.Run resumed = E2e.nas(search(exp));
        assertEquals(0, resumed.exit(), resumed.both());
        String text = Files.readString(search.resolve("log.txt"));
        assertTrue(
                text.contains(
                        "training resumes at epoch 1 of 1, step "
                                + (at.batch() + 1)
                                + " of 16 (global step "
                                + (at.batch() + 1)
                                + ")"),
                text);
        assertEquals(1, E2e.metricsEpochs(search));
        assertEquals(16.0, E2e.metricsEpoch(search, 0).get("steps"));

        Path whole = tmp.resolve("uninterrupted");
        E2e.Run reference = E2e.nas(search(whole));
        assertEquals(0, reference.exit(), reference.both());
        assertEquals(
                E2e.metricsEpoch(whole.resolve("search"), 0).get("train"),
                E2e.metricsEpoch(search, 0).get("train"),
                "the epoch's training metrics, summed across the kill");
        for (String desc : List.of("final_model_desc.json", "search_model_desc.json")) {
            assertEquals(
                    DescJson.load(whole.resolve("search").resolve(desc)),
                    DescJson.load(search.resolve(desc)),
                    desc + " of the resumed run differs from the uninterrupted run's");
        }
    }
}
