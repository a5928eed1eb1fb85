package org.nas4j.algos.petridish;

import java.util.List;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.conf.Conf;
import org.nas4j.ops.OpProvider;
import org.nas4j.ops.OpRegistry;
import org.nas4j.search.Algorithm;
import org.nas4j.search.finalize.Finalizers;
import org.nas4j.train.Trainer;
import org.nas4j.train.TrainerBuilder;
import org.nas4j.train.optim.NamedParams;

/**
 * Petridish: forward-stagewise growth of cell networks over a pool of trained models (see {@link
 * PetridishSearch}, which {@code nas run --algo petridish} drives on the trial engine). As an
 * {@link Algorithm} it is what one trial of that search runs: the search phase trains the model in
 * {@code nas.search.petridish.model_file} (a seed, or a child holding a candidate node, whose
 * weights learn with an L1 penalty) and finalizes the candidate node to its best (input, op) pairs;
 * the evaluation phase retrains a model of the hull with its own cells and reductions.
 */
public class PetridishAlgorithm implements Algorithm {
    /** The algorithm's name. */
    public static final String NAME = "petridish";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Forward-stagewise growth: a pool of trained models, children grown near the"
                + " convex hull";
    }

    @Override
    public String paper() {
        return "Hu, Langford, Caruana, Mukherjee, Horvitz, Dey. Efficient Forward Architecture"
                + " Search. NeurIPS 2019, arXiv:1905.13360";
    }

    @Override
    public List<OpProvider> opProviders() {
        return List.of(new PetridishOps());
    }

    /**
     * The model of {@code model_file}; without one, the {@code model_desc}-sized seed with a
     * candidate node (what {@code nas bench} measures).
     */
    @Override
    public ModelDescBuilder searchDescBuilder(Conf conf) {
        PetridishSpec spec = PetridishSpec.fromConf(conf);
        if (spec.modelFile() != null) {
            return PetridishModelDescBuilder.search(spec.modelFile());
        }
        return new GrownSeedBuilder(spec.primitives());
    }

    @Override
    public ModelDescBuilder evalDescBuilder(Conf conf) {
        return PetridishModelDescBuilder.eval(cellCountScale(conf));
    }

    @Override
    public void checkConf(Conf conf) {
        PetridishSpec.fromConf(conf);
        cellCountScale(conf);
    }

    private static double cellCountScale(Conf conf) {
        return conf.getDouble("nas.eval.petridish.cell_count_scale");
    }

    @Override
    public Trainer searchTrainer(Conf conf, TrainerBuilder builder, NamedParams archParams) {
        if (archParams.isEmpty()) {
            return builder.build(); // a seed or a grown child: nothing to search
        }
        return new PetridishTrainer(builder, archParams, PetridishSpec.fromConf(conf).l1());
    }

    @Override
    public Finalizers finalizers(Conf conf, OpRegistry registry) {
        return new PetridishFinalizers(PetridishSpec.fromConf(conf).topK(), registry);
    }
}
