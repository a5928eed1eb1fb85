package org.nas4j.train;

import org.nas4j.core.NasException;
import org.nas4j.train.data.BatchStream;

/**
 * Where a run stands inside an epoch, as a step checkpoint records it (see {@code
 * trainer.checkpoint_every_steps}): the batch to continue at and the epoch's training metrics so
 * far, so a run resumed there draws the same remaining batches and ends the epoch with the same
 * record as an uninterrupted one.
 *
 * <p>No order or generator state needs saving: the loader's order of an epoch is a function of
 * (seed, epoch), each batch's augmentation of (seed, epoch, batch), and DJL's generator is
 * re-seeded before every step from (seed, epoch, step) (see {@link Trainer#stepSeed}).
 *
 * @param epoch 0-based epoch in progress
 * @param batch batches of the epoch done: the index of the next batch
 * @param batchesPerEpoch batches the training stream gave an epoch (a resume checks it)
 * @param trainSamples samples in the training split (a resume checks it)
 * @param lossSum sum over the epoch's samples so far of their loss
 * @param top1Correct samples so far whose label scored highest
 * @param top5Correct samples so far whose label was among the five highest scores
 * @param count samples so far
 * @param gradNormSum sum of the steps' gradient norms before clipping
 * @param trainSeconds time spent in training steps so far
 * @param epochSeconds wall time of the epoch so far
 */
public record EpochPosition(
        int epoch,
        int batch,
        int batchesPerEpoch,
        int trainSamples,
        double lossSum,
        long top1Correct,
        long top5Correct,
        long count,
        double gradNormSum,
        double trainSeconds,
        double epochSeconds) {

    /** The epoch's training meter as it stood here. */
    SplitMetrics.Meter meter() {
        return SplitMetrics.Meter.of(lossSum, top1Correct, top5Correct, count);
    }

    /**
     * Throws when {@code train} is not the stream this position was recorded on: a different number
     * of batches or samples would make the remaining batches differ.
     */
    void checkFits(BatchStream train, String where) {
        if (train.batchesPerEpoch() != batchesPerEpoch || train.size() != trainSamples) {
            throw new NasException(
                    "The checkpoint in "
                            + where
                            + " stopped at batch "
                            + batch
                            + " of epoch "
                            + (epoch + 1)
                            + " of a training split of "
                            + trainSamples
                            + " samples in "
                            + batchesPerEpoch
                            + " batches, but the data now gives "
                            + train.size()
                            + " samples in "
                            + train.batchesPerEpoch()
                            + " batches, so the rest of the epoch would not be the same. Start"
                            + " over with --no-resume or use a new --exp-dir.");
        }
    }
}
