package org.nas4j.train.optim;

/**
 * A learning rate as a function of the training position.
 *
 * <p>Build one from conf values with {@link LrScheduleSpec#create(double, int)}.
 */
@FunctionalInterface
public interface LrSchedule {
    /**
     * The learning rate for step {@code step} (0-based) of epoch {@code epoch} (0-based), in an
     * epoch of {@code stepsPerEpoch} steps.
     */
    double lr(int epoch, int step, int stepsPerEpoch);
}
