package org.nas4j.algos.gs;

import org.nas4j.core.ConfException;

/**
 * GDAS's temperature schedule: linear from {@code tauMax} at the first search step to {@code
 * tauMin} at the last. It depends on the global step only, so a resumed search continues it.
 *
 * @param tauMax temperature of the first step
 * @param tauMin temperature of the last step
 */
public record GsTemperature(double tauMax, double tauMin) {
    /** Validates that both are positive. */
    public GsTemperature {
        if (!(tauMax > 0) || !(tauMin > 0)) {
            throw new ConfException(
                    "nas.search.gs.tau_max and tau_min must be positive, got "
                            + tauMax
                            + " and "
                            + tauMin
                            + ".");
        }
    }

    /** The temperature of step {@code step} (0-based) of {@code totalSteps}. */
    public double at(long step, long totalSteps) {
        if (totalSteps <= 1) {
            return tauMax;
        }
        double t = Math.min(1.0, Math.max(0.0, (double) step / (totalSteps - 1)));
        return tauMax + (tauMin - tauMax) * t;
    }
}
