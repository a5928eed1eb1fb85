package org.nas4j.algos.random;

import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.conf.Conf;
import org.nas4j.eval.TrialBudget;
import org.nas4j.search.Algorithm;

/** Random cells, evaluated without any search training: the baseline a search must beat. */
public final class RandomAlgorithm implements Algorithm {
    @Override
    public String name() {
        return "random";
    }

    @Override
    public String description() {
        return "Random cells (2 random ops on 2 distinct inputs per node), no search training";
    }

    @Override
    public String paper() {
        return "Li, Talwalkar. Random Search and Reproducibility for Neural Architecture Search."
                + " UAI 2019, arXiv:1902.07638 (the baseline; cell sampling as in Archai)";
    }

    @Override
    public boolean trainsSupernet() {
        return false;
    }

    /**
     * Reads the random-search budget {@code nas.trials} ({@code nas run --algo random --trials N}):
     * {@code eval_epochs} at least 1 and {@code val_ratio} strictly between 0 and 1.
     */
    @Override
    public void checkConf(Conf conf) {
        TrialBudget.fromConf(conf);
    }

    @Override
    public ModelDescBuilder searchDescBuilder(Conf conf) {
        return new RandomCellBuilder(conf.getLong("common.seed"));
    }
}
