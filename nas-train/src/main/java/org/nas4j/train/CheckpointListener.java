package org.nas4j.train;

import java.nio.file.Path;
import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link Checkpoint} after every epoch and, with {@code trainer.checkpoint_every_steps} N
 * above 0, after every N-th step as well, so an interrupted run (even by {@code kill -9}) loses at
 * most N steps, or one epoch when N is 0, and resumes exactly with {@link Trainer#restore}.
 */
public final class CheckpointListener implements TrainListener {
    /** Conf key (in a trainer section) of the steps between step checkpoints, 0 = epochs only. */
    public static final String EVERY_STEPS_KEY = "checkpoint_every_steps";

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointListener.class);
    private final Path dir;
    private final int everySteps;

    /** Checkpoints go to {@code dir} (e.g. {@code <exp>/search/checkpoint}) after every epoch. */
    public CheckpointListener(Path dir) {
        this(dir, 0);
    }

    /**
     * Checkpoints go to {@code dir} after every epoch and every {@code everySteps} steps (counted
     * from the start of the run; 0 = epochs only).
     */
    public CheckpointListener(Path dir, int everySteps) {
        if (everySteps < 0) {
            throw new IllegalArgumentException("everySteps must be >= 0, not " + everySteps);
        }
        this.dir = dir;
        this.everySteps = everySteps;
    }

    /**
     * The {@value #EVERY_STEPS_KEY} of a trainer section, 0 when absent.
     *
     * @throws ConfException naming the key and its file when it is negative
     */
    public static int everyStepsOf(Conf trainer) {
        int n = trainer.getInt(EVERY_STEPS_KEY, 0);
        if (n < 0) {
            throw new ConfException(
                    "Key "
                            + trainer.where(EVERY_STEPS_KEY)
                            + " = "
                            + n
                            + " must be >= 0: the steps between checkpoints, 0 for a checkpoint"
                            + " after every epoch only.");
        }
        return n;
    }

    @Override
    public void onStep(Trainer trainer, StepInfo info) {
        // the last step of an epoch is checkpointed by onEpochEnd, after validation
        if (everySteps > 0
                && info.globalStep() % everySteps == 0
                && info.step() + 1 < info.stepsPerEpoch()) {
            trainer.saveCheckpoint(dir);
            LOG.debug("Checkpoint after step {} written to {}", info.globalStep(), dir);
        }
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochMetrics metrics) {
        trainer.saveCheckpoint(dir);
        LOG.debug("Checkpoint after epoch {} written to {}", metrics.epoch() + 1, dir);
    }
}
