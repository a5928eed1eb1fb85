package org.nas4j.train;

import java.nio.file.Path;
import org.nas4j.core.result.BestEpoch;
import org.nas4j.ops.net.ModelBlock;

/**
 * Keeps the weights of the best epoch by a {@link BestMetric}: after each epoch that beats the best
 * so far, the network's weights are written to {@code best_model.params} (atomically, replacing the
 * previous best). A resumed run starts from the best of the epochs it restored, so an epoch after
 * the restart replaces the file only when it is better.
 */
public final class BestModelListener implements TrainListener {
    private final Path file;
    private final BestMetric metric;
    private final ModelBlock model;
    private int bestEpoch = -1;
    private double bestValue = Double.NaN;

    /** Writes {@code model}'s weights to {@code file} whenever {@code metric} improves. */
    public BestModelListener(Path file, BestMetric metric, ModelBlock model) {
        this.file = file;
        this.metric = metric;
        this.model = model;
    }

    @Override
    public void onTrainStart(Trainer trainer, int startEpoch) {
        for (EpochMetrics m : trainer.result().history()) {
            double v = metric.of(m);
            if (metric.better(v, bestValue)) {
                bestValue = v;
                bestEpoch = m.epoch();
            }
        }
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochMetrics metrics) {
        double v = metric.of(metrics);
        if (metric.better(v, bestValue)) {
            model.saveWeights(file);
            bestValue = v;
            bestEpoch = metrics.epoch();
        }
    }

    /** The best epoch so far (0-based), or -1 before one is measured. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** Its metric value (NaN before one is measured). */
    public double bestValue() {
        return bestValue;
    }

    /** The best epoch so far as a phase's result records it, or null before one is measured. */
    public BestEpoch best() {
        return bestEpoch < 0
                ? null
                : new BestEpoch(metric.label(), metric.mode(), bestEpoch, bestValue);
    }

    /** The metric that ranks epochs. */
    public BestMetric metric() {
        return metric;
    }
}
