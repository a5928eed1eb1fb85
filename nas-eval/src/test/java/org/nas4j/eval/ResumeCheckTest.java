package org.nas4j.eval;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.ConfException;
import org.nas4j.core.PhaseDir;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.io.AtomicFiles;
import org.nas4j.core.result.EvalResult;
import org.nas4j.train.Checkpoint;
import org.nas4j.train.ConfFingerprint;
import org.nas4j.train.optim.NamedParams;
import org.nas4j.train.optim.NasOptimizer;
import org.nas4j.train.optim.OptimizerSpec;

/** A phase is continued or reused only with the conf its checkpoint or result was made with. */
class ResumeCheckTest {
    @TempDir Path tmp;

    private static Conf conf(double lr, int epochs) {
        return Conf.fromYaml(
                "common: {seed: 2, num_threads: 0}\n"
                        + "nas:\n"
                        + "  eval: {trainer: {epochs: "
                        + epochs
                        + ", optimizer: {type: sgd, lr: "
                        + lr
                        + "}}}\n",
                "test.yaml");
    }

    /** A phase directory whose checkpoint records {@code made}'s hash, beside {@code saved}. */
    private PhaseDir checkpointed(Conf made, Conf saved) {
        PhaseDir dir = PhaseDir.of(tmp.resolve("eval"));
        AtomicFiles.writeString(dir.configUsed(), saved.toYaml());
        OptimizerSpec sgd = OptimizerSpec.fromConf(Conf.of(Map.of("type", "sgd", "lr", 0.1), "o"));
        try (NasOptimizer opt = sgd.create()) {
            Checkpoint.save(
                    dir.checkpointDir(),
                    new Checkpoint.Progress(
                            1, 4, 2, List.of(), null, ConfFingerprint.of(made, "eval")),
                    NamedParams.empty(),
                    NamedParams.empty(),
                    opt,
                    null);
        }
        return dir;
    }

    @Test
    void theSameConfOrMoreEpochsContinue() {
        PhaseDir dir = checkpointed(conf(0.1, 3), conf(0.1, 3));
        assertDoesNotThrow(() -> ResumeCheck.check(conf(0.1, 3), dir, "eval"));
        assertDoesNotThrow(() -> ResumeCheck.check(conf(0.1, 30), dir, "eval"));
    }

    @Test
    void anotherConfIsRefusedListingTheKeyAndTheWaysOut() {
        PhaseDir dir = checkpointed(conf(0.1, 3), conf(0.1, 3));
        ConfException e =
                assertThrows(
                        ConfException.class, () -> ResumeCheck.check(conf(0.5, 3), dir, "eval"));
        assertTrue(
                e.getMessage().contains("nas.eval.trainer.optimizer.lr: 0.1 -> 0.5"),
                e.getMessage());
        assertTrue(e.getMessage().contains("--no-resume"), e.getMessage());
        assertTrue(e.getMessage().contains("--exp-dir"), e.getMessage());
    }

    @Test
    void aCheckpointOfAConfThatConfigUsedNoLongerHoldsIsRefusedToo() {
        // an interrupted fresh run replaced config_used.yaml but wrote no checkpoint of its own
        PhaseDir dir = checkpointed(conf(0.1, 3), conf(0.5, 3));
        ConfException e =
                assertThrows(
                        ConfException.class, () -> ResumeCheck.check(conf(0.5, 3), dir, "eval"));
        assertTrue(e.getMessage().contains("cannot be listed"), e.getMessage());
        assertTrue(e.getMessage().contains("--no-resume"), e.getMessage());
    }

    @Test
    void aFinishedResultIsComparedByItsHash() {
        PhaseDir dir = PhaseDir.of(tmp.resolve("eval"));
        AtomicFiles.writeString(dir.configUsed(), conf(0.1, 3).toYaml());
        new EvalResult(1, 3, 10, 10, 0.5, 0.9, 1.0, 100, null, "last", "not-this-conf")
                .save(dir.result());
        assertThrows(ConfException.class, () -> ResumeCheck.check(conf(0.1, 3), dir, "eval"));
        new EvalResult(1, 3, 10, 10, 0.5, 0.9, 1.0, 100).save(dir.result()); // before hashes
        assertDoesNotThrow(() -> ResumeCheck.check(conf(0.1, 3), dir, "eval"));
    }

    @Test
    void startingOverRemovesWhatAResumeWouldReuse() throws Exception {
        PhaseDir dir = checkpointed(conf(0.1, 3), conf(0.1, 3));
        new EvalResult(1, 3, 10, 10, 0.5, 0.9, 1.0, 100).save(dir.result());
        Files.writeString(dir.bestModel(), "weights");
        ResumeCheck.startOver(dir);
        assertFalse(Files.exists(dir.result()));
        assertFalse(Files.exists(dir.checkpoint()));
        assertFalse(Files.exists(dir.bestModel()));
        assertTrue(Files.exists(dir.configUsed()), "the rest is left to the new run");
        assertDoesNotThrow(() -> ResumeCheck.check(conf(0.9, 3), dir, "eval"));
    }
}
