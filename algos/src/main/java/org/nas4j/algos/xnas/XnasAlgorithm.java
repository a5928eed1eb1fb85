package org.nas4j.algos.xnas;

import java.util.List;
import org.nas4j.core.ConfException;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.conf.Conf;
import org.nas4j.ops.OpProvider;
import org.nas4j.search.Algorithm;
import org.nas4j.train.Trainer;
import org.nas4j.train.TrainerBuilder;
import org.nas4j.train.optim.NamedParams;

/**
 * XNAS: the DARTS supernet with exponentiated-gradient experts on every edge ({@link XnasOp},
 * {@link XnasArchTrainer}), then the default finalizer (each node keeps its edges with the
 * strongest experts not wiped out).
 *
 * <p>Reads {@code nas.search.xnas.reward_bound} ({@code G}, the clamp of the rewards and the bound
 * in the learning rate and the wipe-out rule) and {@code nas.search.xnas.wipe_out}.
 */
public class XnasAlgorithm implements Algorithm {
    /** Conf section of the algorithm's own keys. */
    public static final String SECTION = "nas.search.xnas";

    @Override
    public String name() {
        return "xnas";
    }

    @Override
    public String description() {
        return "XNAS: DARTS supernet whose edges are experts reweighted by exponentiated gradient";
    }

    @Override
    public String paper() {
        return "Nayman, Noy, Ridnik, Friedman, Jin, Zelnik-Manor. XNAS: Neural Architecture Search"
                + " with Expert Advice. NeurIPS 2019, arXiv:1906.09557";
    }

    @Override
    public List<OpProvider> opProviders() {
        return List.of(new XnasOps());
    }

    @Override
    public ModelDescBuilder searchDescBuilder(Conf conf) {
        return new XnasModelDescBuilder();
    }

    @Override
    public void checkConf(Conf conf) {
        rewardBound(conf);
        conf.child(SECTION).getBool("wipe_out");
    }

    @Override
    public Trainer searchTrainer(Conf conf, TrainerBuilder builder, NamedParams archParams) {
        return new XnasArchTrainer(
                builder, archParams, rewardBound(conf), conf.child(SECTION).getBool("wipe_out"));
    }

    /** {@code reward_bound}, checked: G of the paper, positive and finite. */
    private static double rewardBound(Conf conf) {
        double bound = conf.child(SECTION).getDouble("reward_bound");
        if (!(bound > 0) || Double.isInfinite(bound)) {
            throw new ConfException(
                    "The key '"
                            + SECTION
                            + ".reward_bound' is "
                            + bound
                            + "; it must be a positive finite number (Archai and the paper's"
                            + " gradient clipping: 1.0).");
        }
        return bound;
    }
}
