package org.nas4j.algos.nasbench101;

import java.util.List;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.conf.Conf;
import org.nas4j.eval.TrialBudget;
import org.nas4j.ops.OpProvider;
import org.nas4j.ops.OpRegistry;
import org.nas4j.search.Algorithm;
import org.nas4j.search.finalize.Finalizers;

/**
 * The NAS-Bench-101 space: a run draws one cell with its seed and trains it in the benchmark's
 * network; {@code nas run --algo nasbench101 --trials N} is random search over the space on the
 * trial engine. There is no supernet.
 */
public final class Nb101Algorithm implements Algorithm {
    /** The algorithm's name. */
    public static final String NAME = "nasbench101";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "NAS-Bench-101 cells (spec matrix + ops) in the benchmark's network; random"
                + " sampling of the space, no search training";
    }

    @Override
    public String paper() {
        return "Ying, Klein, Christiansen, Real, Murphy, Hutter. NAS-Bench-101: Towards"
                + " Reproducible Neural Architecture Search. ICML 2019, arXiv:1902.09635";
    }

    @Override
    public List<OpProvider> opProviders() {
        return List.of(new Nb101Ops());
    }

    @Override
    public boolean trainsSupernet() {
        return false;
    }

    /**
     * Reads the space ({@code nas.search.model_desc}), the network ({@code nas.eval.model_desc})
     * and the random-search budget {@code nas.trials}: {@code eval_epochs} at least 1 and {@code
     * val_ratio} strictly between 0 and 1.
     */
    @Override
    public void checkConf(Conf conf) {
        Nb101Space.fromConf(conf.child("nas.search.model_desc"));
        Nb101Macro.fromConf(conf.child("nas.eval.model_desc"));
        TrialBudget.fromConf(conf);
    }

    /**
     * Finalizers that leave a desc as it is: a drawn cell has no searchable edge, so there is
     * nothing to finalize and no {@code nas.search.finalizer} section.
     */
    @Override
    public Finalizers finalizers(Conf conf, OpRegistry registry) {
        return new Finalizers(Integer.MAX_VALUE, registry);
    }

    /** Draws the cell from {@code common.seed} and saves it in the evaluation's network. */
    @Override
    public ModelDescBuilder searchDescBuilder(Conf conf) {
        return new Nb101ModelDescBuilder(
                Nb101Space.fromConf(conf.child("nas.search.model_desc")),
                conf.getLong("common.seed"),
                conf.child("nas.eval.model_desc"));
    }

    /** The network of the final desc's cell, sized by {@code nas.eval.model_desc}. */
    @Override
    public ModelDescBuilder evalDescBuilder(Conf conf) {
        return new Nb101ModelDescBuilder(
                Nb101Space.fromConf(conf.child("nas.search.model_desc")),
                conf.getLong("common.seed"),
                null);
    }
}
