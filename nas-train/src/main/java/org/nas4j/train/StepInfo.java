package org.nas4j.train;

/**
 * What a listener learns after each training step.
 *
 * @param epoch 0-based epoch
 * @param step 0-based step within the epoch
 * @param stepsPerEpoch steps the epoch will have
 * @param epochs epochs of the whole run
 * @param globalStep steps since the run began (resumed runs included), after this one
 * @param loss this step's mean loss
 * @param lr learning rate of this step
 * @param gradNorm global gradient norm before clipping
 * @param running the epoch's training metrics so far
 * @param imagesPerSec training images per second in the epoch so far
 * @param epochSeconds seconds since the epoch began
 */
public record StepInfo(
        int epoch,
        int step,
        int stepsPerEpoch,
        int epochs,
        long globalStep,
        double loss,
        double lr,
        double gradNorm,
        SplitMetrics running,
        double imagesPerSec,
        double epochSeconds) {}
