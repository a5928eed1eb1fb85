package org.nas4j.algos.darts;

import java.util.List;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.conf.Conf;
import org.nas4j.ops.OpProvider;
import org.nas4j.search.Algorithm;
import org.nas4j.train.Trainer;
import org.nas4j.train.TrainerBuilder;
import org.nas4j.train.optim.NamedParams;

/**
 * DARTS: the mixed-op supernet, bilevel architecture training (first or second order), top-2 edges
 * per node by their strongest non-{@code none} op. Other algorithms of the family extend it and
 * change one part.
 */
public class DartsAlgorithm implements Algorithm {
    @Override
    public String name() {
        return "darts";
    }

    @Override
    public String description() {
        return "Differentiable architecture search: softmax-mixed edges, bilevel alpha training";
    }

    @Override
    public String paper() {
        return "Liu, Simonyan, Yang. DARTS: Differentiable Architecture Search. ICLR 2019,"
                + " arXiv:1806.09055";
    }

    @Override
    public List<OpProvider> opProviders() {
        return List.of(new DartsOps());
    }

    @Override
    public ModelDescBuilder searchDescBuilder(Conf conf) {
        return new DartsModelDescBuilder();
    }

    /** Reads {@code nas.search.trainer.bilevel.order}, which {@link #searchTrainer} uses. */
    @Override
    public void checkConf(Conf conf) {
        BilevelArchTrainer.orderOf(conf.child("nas.search.trainer"));
    }

    @Override
    public Trainer searchTrainer(Conf conf, TrainerBuilder builder, NamedParams archParams) {
        return new BilevelArchTrainer(
                builder, archParams, BilevelArchTrainer.orderOf(conf.child("nas.search.trainer")));
    }
}
