package org.nas4j.algos.pcdarts;

import java.util.List;
import org.nas4j.algos.darts.DartsAlgorithm;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.conf.Conf;
import org.nas4j.ops.OpProvider;
import org.nas4j.ops.OpRegistry;
import org.nas4j.search.finalize.Finalizers;

/**
 * PC-DARTS ({@code pc_darts}): DARTS with partial channel connections and edge normalisation.
 * Bilevel training is DARTS's ({@link org.nas4j.algos.darts.BilevelArchTrainer}, first order in the
 * shipped conf); the supernet and the finalizer are PC-DARTS's. Reads {@code
 * nas.search.pc_darts.k}.
 */
public class PcDartsAlgorithm extends DartsAlgorithm {
    @Override
    public String name() {
        return "pc_darts";
    }

    @Override
    public String description() {
        return "Partial-channel DARTS: 1/k of each edge's channels searched, edge normalisation";
    }

    @Override
    public String paper() {
        return "Xu, Xie, Zhang, Chen, Qi, Tian, Xiong. PC-DARTS: Partial Channel Connections for"
                + " Memory-Efficient Architecture Search. ICLR 2020, arXiv:1907.05737";
    }

    @Override
    public List<OpProvider> opProviders() {
        return List.of(new PcDartsOps());
    }

    @Override
    public ModelDescBuilder searchDescBuilder(Conf conf) {
        return new PcDartsModelDescBuilder(conf.getInt(PcDartsModelDescBuilder.K_KEY));
    }

    /**
     * {@link PcDartsFinalizers} for {@code nas.search.finalizer.type: default}; any other type
     * (such as {@code random}) as {@link Finalizers#fromConf} builds it.
     */
    @Override
    public Finalizers finalizers(Conf conf, OpRegistry registry) {
        Finalizers base = Finalizers.fromConf(conf, registry);
        return base.getClass() == Finalizers.class
                ? new PcDartsFinalizers(base.maxFinalEdges(), registry)
                : base;
    }
}
