package org.nas4j.algos.divnas;

import java.util.List;
import org.nas4j.algos.darts.DartsAlgorithm;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.conf.Conf;
import org.nas4j.ops.OpProvider;
import org.nas4j.ops.OpRegistry;
import org.nas4j.search.finalize.Finalizers;

/**
 * divnas: DARTS' bilevel search on a supernet of {@link DivnasOp} edges, then the diversity
 * finalizer ({@link DivnasFinalizers}) that picks each node's candidates by the mutual information
 * of their activations.
 */
public class DivnasAlgorithm extends DartsAlgorithm {
    @Override
    public String name() {
        return "divnas";
    }

    @Override
    public String description() {
        return "DARTS search, then per node the most mutually informative (edge, op) activations";
    }

    @Override
    public String paper() {
        return "Archai's divnas (microsoft/archai, algos/divnas); search as in Liu et al., DARTS,"
                + " ICLR 2019, arXiv:1806.09055";
    }

    @Override
    public List<OpProvider> opProviders() {
        return List.of(new DivnasOps());
    }

    @Override
    public ModelDescBuilder searchDescBuilder(Conf conf) {
        return new DivnasModelDescBuilder();
    }

    @Override
    public Finalizers finalizers(Conf conf, OpRegistry registry) {
        return DivnasFinalizers.fromConf(conf, registry);
    }
}
