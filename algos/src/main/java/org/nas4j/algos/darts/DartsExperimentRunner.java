package org.nas4j.algos.darts;

import org.nas4j.algos.ExperimentRunner;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.conf.Conf;
import org.nas4j.search.optim.NamedParams;
import org.nas4j.search.train.Trainer;
import org.nas4j.search.train.TrainerBuilder;

/** DARTS: the mixed-op supernet, bilevel architecture training, top-2 edges per node. */
public class DartsExperimentRunner extends ExperimentRunner {
    public DartsExperimentRunner(Conf conf) {
        super(conf);
    }

    @Override
    public String name() {
        return "darts";
    }

    @Override
    protected ModelDescBuilder modelDescBuilder() {
        return new DartsModelDescBuilder();
    }

    @Override
    protected Trainer archTrainer(TrainerBuilder builder, NamedParams archParams) {
        return new BilevelArchTrainer(builder, archParams);
    }
}
