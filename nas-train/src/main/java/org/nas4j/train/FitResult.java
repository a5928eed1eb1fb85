package org.nas4j.train;

import java.util.Comparator;
import java.util.List;

/**
 * The metrics of a finished {@link Trainer#fit} call.
 *
 * @param history every epoch's metrics, from the first epoch of the run (resumed ones included)
 * @param epochsDone epochs completed
 * @param globalStep steps completed
 */
public record FitResult(List<EpochMetrics> history, int epochsDone, long globalStep) {
    public FitResult {
        history = List.copyOf(history);
    }

    /** The last epoch's metrics, or {@code null} when none ran. */
    public EpochMetrics last() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }

    /** The epoch with the best validation (else training) top-1, or {@code null}. */
    public EpochMetrics best() {
        return history.stream()
                .max(Comparator.comparingDouble(EpochMetrics::rankingTop1))
                .orElse(null);
    }
}
