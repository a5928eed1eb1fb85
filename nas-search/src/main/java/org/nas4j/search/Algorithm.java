package org.nas4j.search;

import java.util.List;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.conf.AlgoConfs;
import org.nas4j.core.conf.Conf;
import org.nas4j.ops.OpProvider;
import org.nas4j.ops.OpRegistry;
import org.nas4j.search.finalize.Finalizers;
import org.nas4j.train.Trainer;
import org.nas4j.train.TrainerBuilder;
import org.nas4j.train.optim.NamedParams;

/**
 * A NAS algorithm as a plug-in: what it searches (its desc builder and ops), how it trains (its
 * search trainer), how the result becomes discrete (its finalizers), and the confs it ships.
 * Implementations are found with {@link java.util.ServiceLoader}: a jar that lists its class in
 * {@code META-INF/services/org.nas4j.search.Algorithm} and ships {@code confs/algos/<name>.yaml}
 * and {@code confs/algos/<name>_toy.yaml} adds an algorithm with no change to nas4j.
 *
 * <p>Every method but the three names has a default, so an algorithm overrides only what differs:
 *
 * <pre>{@code
 * public final class MyAlgorithm implements Algorithm {
 *     public String name() { return "mine"; }
 *     public String description() { return "DARTS with my edge"; }
 *     public String paper() { return "Me et al., 2026"; }
 *     public List<OpProvider> opProviders() { return List.of(new MyOps()); }
 *     public ModelDescBuilder searchDescBuilder(Conf conf) { return new MyModelDescBuilder(); }
 *     public Trainer searchTrainer(Conf conf, TrainerBuilder b, NamedParams arch) {
 *         return new BilevelArchTrainer(
 *                 b, arch, BilevelArchTrainer.orderOf(conf.child("nas.search.trainer")));
 *     }
 * }
 * }</pre>
 *
 * <p>An algorithm holds no state of a run: the conf of the run is passed to each method.
 */
public interface Algorithm {
    /** The name {@code --algo} and {@code nas.search.algo} give, e.g. {@code darts}. */
    String name();

    /** One line for {@code nas algos}. */
    String description();

    /** The paper (authors, venue, year, arXiv id) or the project the method comes from. */
    String paper();

    /**
     * The providers of the ops this algorithm builds networks with, beyond the built-in ones; a
     * provider several algorithms share (compared by class) registers once.
     */
    default List<OpProvider> opProviders() {
        return List.of();
    }

    /**
     * Whether the search phase trains a supernet. An algorithm whose search description already is
     * the final architecture (random cells) answers false: its search phase only builds, checks and
     * saves that description.
     */
    default boolean trainsSupernet() {
        return true;
    }

    /** Builds the search network's description from {@code nas.search.model_desc}. */
    default ModelDescBuilder searchDescBuilder(Conf conf) {
        return new ModelDescBuilder();
    }

    /** Builds the evaluation network from the final desc's template cells. */
    default ModelDescBuilder evalDescBuilder(Conf conf) {
        return new ModelDescBuilder();
    }

    /**
     * The search trainer for a network whose architecture weights are {@code archParams} (empty
     * when it has none); the default trains the ordinary weights only.
     */
    default Trainer searchTrainer(Conf conf, TrainerBuilder builder, NamedParams archParams) {
        return builder.build();
    }

    /**
     * Reads and checks the keys of this algorithm's own that {@link #searchTrainer} would read,
     * without building a network, so a bad value fails before a run starts and a test can see that
     * every shipped key is read by some code. The default reads nothing (the default trainer has no
     * keys of its own); the desc builders, finalizers and specs are checked by their callers.
     *
     * <pre>{@code
     * public void checkConf(Conf conf) {
     *     BilevelArchTrainer.orderOf(conf.child("nas.search.trainer"));
     * }
     * }</pre>
     */
    default void checkConf(Conf conf) {}

    /**
     * How the searched network becomes the final architecture; the default reads {@code
     * nas.search.finalizer} ({@link Finalizers#fromConf}).
     */
    default Finalizers finalizers(Conf conf, OpRegistry registry) {
        return Finalizers.fromConf(conf, registry);
    }

    /** The classpath confs this algorithm must ship: its full conf and its toy conf. */
    default List<String> confResources() {
        return List.of(
                AlgoConfs.ALGOS_DIR + "/" + name() + ".yaml",
                AlgoConfs.ALGOS_DIR + "/" + name() + "_toy.yaml");
    }
}
