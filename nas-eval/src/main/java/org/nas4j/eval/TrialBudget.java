package org.nas4j.eval;

import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;

/**
 * The budget of each of the N runs of {@code nas run --algo NAME --trials N}: the conf section
 * {@code nas.trials}. Each trial evaluates for {@code eval_epochs} holding out {@code val_ratio} of
 * the training set, by whose accuracy the trials are ranked; the best is retrained in full.
 *
 * @param evalEpochs eval epochs of each trial, at least 1
 * @param valRatio training share each trial holds out to be ranked by, in (0, 1)
 */
public record TrialBudget(int evalEpochs, double valRatio) {
    /** The conf section. */
    public static final String SECTION = "nas.trials";

    /**
     * Reads {@code nas.trials} of {@code conf}.
     *
     * @throws ConfException when the conf has no such section or a value cannot work, naming the
     *     file and what is valid
     */
    public static TrialBudget fromConf(Conf conf) {
        if (!conf.has(SECTION)) {
            throw new ConfException(
                    "--trials needs the conf section "
                            + SECTION
                            + " (eval_epochs, val_ratio: the budget of each trial), which this"
                            + " conf does not have.");
        }
        Conf t = conf.child(SECTION);
        int epochs = t.getInt("eval_epochs");
        double val = t.getDouble("val_ratio");
        if (epochs < 1 || !(val > 0 && val < 1)) {
            throw new ConfException(
                    SECTION
                            + " (in "
                            + t.sourceOf("eval_epochs")
                            + ") needs eval_epochs >= 1 and 0 < val_ratio < 1 (each trial is"
                            + " ranked by its validation accuracy); got "
                            + epochs
                            + " and "
                            + val
                            + ".");
        }
        return new TrialBudget(epochs, val);
    }
}
