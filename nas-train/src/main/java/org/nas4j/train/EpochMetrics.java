package org.nas4j.train;

/**
 * What one training epoch measured; serialised as one element of metrics.json.
 *
 * @param epoch 0-based epoch index
 * @param steps optimizer steps in the epoch
 * @param lr learning rate of the epoch's first step
 * @param imagesPerSec training images per second (training steps only)
 * @param epochSeconds wall time of the epoch, validation included
 * @param gradNorm mean global gradient norm before clipping
 * @param train training-split metrics (of the weights as they were during each step)
 * @param val validation metrics after the epoch, or {@code null}
 * @param test test metrics, or {@code null}
 */
public record EpochMetrics(
        int epoch,
        int steps,
        double lr,
        double imagesPerSec,
        double epochSeconds,
        double gradNorm,
        SplitMetrics train,
        SplitMetrics val,
        SplitMetrics test) {

    /** A copy with test metrics {@code t}. */
    public EpochMetrics withTest(SplitMetrics t) {
        return new EpochMetrics(
                epoch, steps, lr, imagesPerSec, epochSeconds, gradNorm, train, val, t);
    }

    /** The top-1 accuracy that ranks epochs: validation when measured, else training. */
    public double rankingTop1() {
        return val != null ? val.top1() : train.top1();
    }
}
