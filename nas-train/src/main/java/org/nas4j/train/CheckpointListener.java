package org.nas4j.train;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link Checkpoint} after every epoch, so an interrupted run loses at most one epoch and
 * resumes with {@link Trainer#restore}.
 */
public final class CheckpointListener implements TrainListener {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointListener.class);
    private final Path dir;

    /** Checkpoints go to {@code dir} (e.g. {@code <exp>/search/checkpoint}). */
    public CheckpointListener(Path dir) {
        this.dir = dir;
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochMetrics metrics) {
        trainer.saveCheckpoint(dir);
        LOG.debug("Checkpoint after epoch {} written to {}", metrics.epoch() + 1, dir);
    }
}
