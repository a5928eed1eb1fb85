package org.nas4j.train;

/**
 * Receives training events; cross-cutting work (progress, logs, metrics files, checkpoints,
 * architecture snapshots) lives in listeners, in the spirit of DJL's {@code TrainingListener}.
 *
 * <p>All methods run on the training thread, between steps, so they may read the trainer's
 * parameters. Every method has an empty default.
 */
public interface TrainListener {
    /** Before the first epoch of {@link Trainer#fit}; {@code startEpoch} > 0 when resumed. */
    default void onTrainStart(Trainer trainer, int startEpoch) {}

    /** Before epoch {@code epoch} (0-based) of {@code stepsPerEpoch} steps. */
    default void onEpochStart(Trainer trainer, int epoch, int stepsPerEpoch) {}

    /** After each optimizer step. */
    default void onStep(Trainer trainer, StepInfo info) {}

    /** After an epoch and its validation; {@code metrics} is already in the trainer's history. */
    default void onEpochEnd(Trainer trainer, EpochMetrics metrics) {}

    /** After the last epoch. */
    default void onTrainEnd(Trainer trainer, FitResult result) {}
}
