package org.nas4j.algos.gs;

import java.util.List;
import org.nas4j.algos.darts.BilevelArchTrainer;
import org.nas4j.algos.darts.DartsAlgorithm;
import org.nas4j.core.ConfException;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.conf.Conf;
import org.nas4j.ops.OpProvider;
import org.nas4j.ops.OpRegistry;
import org.nas4j.search.finalize.Finalizers;
import org.nas4j.train.Trainer;
import org.nas4j.train.TrainerBuilder;
import org.nas4j.train.optim.NamedParams;

/**
 * Gumbel-softmax search: per node, Gumbel-softmax samples over all (edge, op) pairs at a
 * temperature annealed from {@code tau_max} to {@code tau_min} (GDAS), hard straight-through or
 * soft; first-order bilevel training; each node keeps its most probable pairs. Conf: {@code
 * nas.search.gs.{num_sample, hard, tau_max, tau_min}}, {@code nas.search.finalizer.type: gs}.
 */
public class GsAlgorithm extends DartsAlgorithm {
    /** Conf section of the sampler settings. */
    static final String SECTION = "nas.search.gs";

    @Override
    public String name() {
        return "gs";
    }

    @Override
    public String description() {
        return "Gumbel-softmax search (SNAS/GDAS): annealed node-level samples over (edge, op)";
    }

    @Override
    public String paper() {
        return "Xie et al. SNAS, ICLR 2019, arXiv:1812.09926; Dong, Yang. GDAS, CVPR 2019,"
                + " arXiv:1910.04465";
    }

    @Override
    public List<OpProvider> opProviders() {
        return List.of(new GsOps());
    }

    @Override
    public ModelDescBuilder searchDescBuilder(Conf conf) {
        Conf gs = conf.child(SECTION);
        int numSample = gs.getInt("num_sample");
        if (numSample < 1) {
            throw new ConfException(
                    SECTION + ".num_sample must be at least 1, got " + numSample + ".");
        }
        return new GsModelDescBuilder(numSample, gs.getBool("hard"));
    }

    @Override
    public void checkConf(Conf conf) {
        super.checkConf(conf);
        temperature(conf);
    }

    @Override
    public Trainer searchTrainer(Conf conf, TrainerBuilder builder, NamedParams archParams) {
        return new GsArchTrainer(
                builder,
                archParams,
                BilevelArchTrainer.orderOf(conf.child("nas.search.trainer")),
                temperature(conf));
    }

    private static GsTemperature temperature(Conf conf) {
        Conf gs = conf.child(SECTION);
        return new GsTemperature(gs.getDouble("tau_max"), gs.getDouble("tau_min"));
    }

    @Override
    public Finalizers finalizers(Conf conf, OpRegistry registry) {
        Conf f = conf.child("nas.search.finalizer");
        if ("gs".equals(f.getString("type", "gs"))) {
            return new GsFinalizers(f.getInt("max_final_edges"), registry);
        }
        return Finalizers.fromConf(conf, registry);
    }
}
