package org.nas4j.search;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import org.nas4j.core.Provenance;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.ops.ArchWeights;
import org.nas4j.ops.OpRegistry;
import org.nas4j.ops.net.ModelStats;
import org.nas4j.search.arch.AlphasListener;
import org.nas4j.search.finalize.Finalizers;
import org.nas4j.search.optim.NamedParams;
import org.nas4j.search.train.FitResult;
import org.nas4j.search.train.Trainer;
import org.nas4j.search.train.TrainerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search phase: build the supernet description from {@code nas.search.model_desc}, build and
 * train the network with the algorithm's architecture trainer, attach the learnt architecture
 * weights to the description, finalize it and save {@code final_model_desc.json} (and the supernet
 * with its weights as {@code search_model_desc.json}) in the phase directory.
 */
public class Searcher {
    private static final Logger LOG = LoggerFactory.getLogger(Searcher.class);

    /** File name of the per-epoch architecture weights. */
    public static final String ALPHAS = "alphas.jsonl";

    /** File name of the supernet description with its architecture weights. */
    public static final String SEARCH_DESC = "search_model_desc.json";

    /**
     * What a search produced.
     *
     * @param searchDesc the supernet with its learnt architecture weights
     * @param finalDesc the finalized architecture
     * @param fit training history
     * @param wallSeconds time the phase took
     * @param supernetParams ordinary weights of the supernet
     */
    public record Result(
            ModelDesc searchDesc,
            ModelDesc finalDesc,
            FitResult fit,
            double wallSeconds,
            long supernetParams) {}

    private final Conf conf;
    private final ModelDescBuilder builder;
    private final OpRegistry registry;
    private final BiFunction<TrainerBuilder, NamedParams, Trainer> trainerFactory;
    private final Finalizers finalizers;

    /**
     * @param conf the whole resolved conf
     * @param builder the algorithm's desc builder
     * @param registry ops, including the algorithm's
     * @param trainerFactory makes the algorithm's (architecture) trainer from a configured builder
     *     and the network's architecture weights (empty when it has none)
     * @param finalizers how the supernet becomes the final architecture
     */
    public Searcher(
            Conf conf,
            ModelDescBuilder builder,
            OpRegistry registry,
            BiFunction<TrainerBuilder, NamedParams, Trainer> trainerFactory,
            Finalizers finalizers) {
        this.conf = conf;
        this.builder = builder;
        this.registry = registry;
        this.trainerFactory = trainerFactory;
        this.finalizers = finalizers;
    }

    /** The supernet description this search trains. */
    public ModelDesc buildDesc() {
        return builder.build(conf.child("nas.search.model_desc").toMap(), "search", null);
    }

    /** Runs the search into {@code dir}, continuing from its checkpoint when {@code resume}. */
    public Result search(Path dir, boolean resume, Provenance provenance, PrintStream console) {
        long start = System.nanoTime();
        ModelDesc desc = buildDesc();
        try (PhaseRun run = new PhaseRun(conf, "search", dir, desc, registry, provenance)) {
            TrainerBuilder b = run.trainerBuilder(console);
            NamedParams arch = NamedParams.of(run.model().archParams().asMap());
            if (!arch.isEmpty()) {
                b.addListener(
                        new AlphasListener(
                                dir.resolve(ALPHAS),
                                primitivesOf(desc),
                                AlphasListener.valuesOf(arch)));
            }
            try (Trainer trainer = trainerFactory.apply(b, arch)) {
                int startEpoch = run.restoreIfAny(trainer, resume);
                if (startEpoch > 0) {
                    LOG.info(
                            "Resuming search at epoch {} from {}",
                            startEpoch,
                            dir.resolve(PhaseRun.CHECKPOINT_DIR));
                }
                FitResult fit = trainer.fit(run.data().train(), run.data().val(), startEpoch);
                ModelDesc searched = ArchWeights.withTrainables(desc, run.model().archParams());
                ModelDesc finalDesc = finalizers.finalizeModel(searched);
                DescJson.save(searched, dir.resolve(SEARCH_DESC));
                DescJson.save(
                        finalDesc, dir.resolve(conf.getString("nas.search.final_desc_filename")));
                long params = ModelStats.paramCount(desc, registry);
                return new Result(
                        searched, finalDesc, fit, (System.nanoTime() - start) / 1e9, params);
            }
        }
    }

    /** The primitive names of the first edge op that lists them (empty when none does). */
    static List<String> primitivesOf(ModelDesc desc) {
        return desc.cells().stream()
                .flatMap(c -> c.nodes().stream())
                .flatMap(n -> n.edges().stream())
                .map(e -> e.op().stringListParam(Finalizers.PRIMITIVES))
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse(List.of());
    }
}
