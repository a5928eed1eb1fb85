package org.nas4j.algos.didarts;

import org.nas4j.algos.darts.DartsAlgorithm;
import org.nas4j.core.conf.Conf;
import org.nas4j.train.Trainer;
import org.nas4j.train.TrainerBuilder;
import org.nas4j.train.optim.NamedParams;

/**
 * didarts: the DARTS supernet and finalizer, but single-level training ({@link DidartsTrainer}):
 * one forward and backward pass of the training batch per step feeds both the weight optimizer and
 * the architecture optimizer. It is the control that shows what DARTS' bilevel optimisation buys.
 */
public class DidartsAlgorithm extends DartsAlgorithm {
    @Override
    public String name() {
        return "didarts";
    }

    @Override
    public String description() {
        return "Single-level DARTS: alphas and weights stepped on the same training-loss gradients";
    }

    @Override
    public String paper() {
        return "Archai's didarts (microsoft/archai); the single-level baseline of Liu et al., DARTS,"
                + " ICLR 2019, arXiv:1806.09055, section 3.3";
    }

    @Override
    public Trainer searchTrainer(Conf conf, TrainerBuilder builder, NamedParams archParams) {
        return new DidartsTrainer(builder, archParams);
    }
}
