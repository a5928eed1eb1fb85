package org.nas4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.nas4j.train.data.HostBatch;

/**
 * One training step as {@link Trainer#trainStep} and {@link Trainer#beforeWeightStep} see it.
 *
 * @param epoch 0-based epoch
 * @param step 0-based step within the epoch
 * @param stepsPerEpoch steps of the epoch
 * @param globalStep steps completed before this one
 * @param lr scheduled learning rate of the weight step
 * @param batch the host batch
 * @param manager the step's manager, closed after the step: put every temporary array here
 * @param images the batch's images on the device, {@code [n, c, h, w]}
 * @param labels the batch's labels on the device, {@code [n]} int32
 */
public record StepContext(
        int epoch,
        int step,
        int stepsPerEpoch,
        long globalStep,
        double lr,
        HostBatch batch,
        NDManager manager,
        NDArray images,
        NDArray labels) {}
