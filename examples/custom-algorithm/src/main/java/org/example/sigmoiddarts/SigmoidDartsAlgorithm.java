package org.example.sigmoiddarts;

import java.util.List;
import org.nas4j.algos.darts.DartsAlgorithm;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.conf.Conf;
import org.nas4j.ops.OpProvider;
import org.nas4j.ops.OpRegistry;
import org.nas4j.search.finalize.Finalizers;

/**
 * The algorithm nas4j finds through {@code META-INF/services/org.nas4j.search.Algorithm}. It
 * extends DARTS and changes three things: the op on every edge, the desc builder that puts it
 * there, and the finalizer. The bilevel architecture trainer is DARTS's, inherited as it is.
 */
public class SigmoidDartsAlgorithm extends DartsAlgorithm {
    /** The name {@code --algo} takes; the confs are {@code confs/algos/sigmoid_darts*.yaml}. */
    public static final String NAME = "sigmoid_darts";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "DARTS with an independent sigmoid weight per op, edges kept above a threshold;"
                + " the nas4j plug-in example";
    }

    @Override
    public String paper() {
        return "weighting from Chu, Zhou, Zhang, Li. Fair DARTS. ECCV 2020, arXiv:1911.12126";
    }

    @Override
    public List<OpProvider> opProviders() {
        return List.of(new SigmoidOps());
    }

    @Override
    public ModelDescBuilder searchDescBuilder(Conf conf) {
        return new SigmoidModelDescBuilder();
    }

    /**
     * {@link ThresholdFinalizers} when {@code nas.search.finalizer.type} is {@code threshold} (this
     * algorithm's conf), else nas4j's finalizers ({@code default}, or {@code random} as a
     * baseline).
     */
    @Override
    public Finalizers finalizers(Conf conf, OpRegistry registry) {
        if (ThresholdFinalizers.TYPE.equals(conf.getString("nas.search.finalizer.type"))) {
            return ThresholdFinalizers.fromConf(conf, registry);
        }
        return super.finalizers(conf, registry);
    }
}
