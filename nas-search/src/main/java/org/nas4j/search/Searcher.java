package org.nas4j.search;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.nas4j.core.PhaseDir;
import org.nas4j.core.Provenance;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.EdgeCandidate;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.EdgeReaders;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.io.AtomicFiles;
import org.nas4j.core.result.BestEpoch;
import org.nas4j.ops.ArchWeights;
import org.nas4j.ops.OpRegistry;
import org.nas4j.ops.net.MemoryEstimate;
import org.nas4j.ops.net.ModelStats;
import org.nas4j.search.arch.AlphasListener;
import org.nas4j.search.finalize.Finalizers;
import org.nas4j.train.FitResult;
import org.nas4j.train.PhaseRun;
import org.nas4j.train.StepMemory;
import org.nas4j.train.Trainer;
import org.nas4j.train.TrainerBuilder;
import org.nas4j.train.optim.NamedParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search phase: build the supernet description from {@code nas.search.model_desc}, build and
 * train the network with the algorithm's architecture trainer, attach the learnt architecture
 * weights to the description, finalize it and save {@code final_model_desc.json} (and the supernet
 * with its weights as {@code search_model_desc.json}) in the phase directory (see {@link
 * PhaseDir}).
 */
public class Searcher {
    private static final Logger LOG = LoggerFactory.getLogger(Searcher.class);

    /**
     * What a search produced.
     *
     * @param searchDesc the supernet with its learnt architecture weights
     * @param finalDesc the finalized architecture
     * @param fit training history
     * @param wallSeconds time the phase took
     * @param supernetParams ordinary weights of the supernet
     * @param best the best epoch by {@code nas.search.trainer.best_metric} (its weights are the
     *     phase's {@code best_model.params}), or null when none is set
     */
    public record Result(
            ModelDesc searchDesc,
            ModelDesc finalDesc,
            FitResult fit,
            double wallSeconds,
            long supernetParams,
            BestEpoch best) {

        /** A result without a best epoch. */
        public Result(
                ModelDesc searchDesc,
                ModelDesc finalDesc,
                FitResult fit,
                double wallSeconds,
                long supernetParams) {
            this(searchDesc, finalDesc, fit, wallSeconds, supernetParams, null);
        }
    }

    private final Conf conf;
    private final Algorithm algorithm;
    private final OpRegistry registry;

    /**
     * @param conf the whole resolved conf
     * @param algorithm the algorithm whose builder, trainer and finalizers search
     * @param registry ops, including the algorithm's (see {@link Algorithms#opRegistry()})
     */
    public Searcher(Conf conf, Algorithm algorithm, OpRegistry registry) {
        this.conf = conf;
        this.algorithm = algorithm;
        this.registry = registry;
    }

    /** The supernet description this search trains. */
    public ModelDesc buildDesc() {
        return algorithm
                .searchDescBuilder(conf)
                .build(conf.child("nas.search.model_desc"), "search", null);
    }

    /**
     * The algorithm's search trainer for a network whose architecture weights are {@code arch},
     * from a configured builder (see {@link PhaseRun#trainerBuilder}).
     */
    public Trainer trainer(TrainerBuilder builder, NamedParams arch) {
        return algorithm.searchTrainer(conf, builder, arch);
    }

    /** The ops the supernet is built with. */
    public OpRegistry registry() {
        return registry;
    }

    /** Runs the search into {@code dir}, continuing from its checkpoint when {@code resume}. */
    public Result search(Path dir, boolean resume, Provenance provenance, PrintStream console) {
        long start = System.nanoTime();
        ModelDesc desc = buildDesc();
        if (!algorithm.trainsSupernet()) {
            return untrained(desc, dir, provenance, start);
        }
        MemoryEstimate memory = StepMemory.before(desc, registry, conf, "search");
        StepMemory.refuseIfCannotFit(memory, conf, "search"); // before anything is written
        if (console != null) {
            console.println(StepMemory.describe(memory, conf, "search"));
        }
        try (PhaseRun run = new PhaseRun(conf, "search", dir, desc, registry, provenance)) {
            PhaseDir files = run.files();
            TrainerBuilder b = run.trainerBuilder(console);
            NamedParams arch = NamedParams.of(run.model().archParams().asMap());
            if (!arch.isEmpty()) {
                b.addListener(
                        new AlphasListener(
                                files.alphas(),
                                candidateNames(
                                        ArchWeights.withTrainables(desc, run.model().archParams()),
                                        registry),
                                AlphasListener.valuesOf(arch)));
            }
            try (Trainer trainer = trainer(b, arch)) {
                int startEpoch = run.restoreIfAny(trainer, resume);
                if (startEpoch > 0 || trainer.position() != null) {
                    LOG.info(
                            "Resuming search at epoch {} ({}) from {}",
                            startEpoch + 1,
                            trainer.position() == null
                                    ? "its start"
                                    : "batch " + (trainer.position().batch() + 1),
                            files.checkpointDir());
                }
                FitResult fit = trainer.fit(run.data().train(), run.data().val(), startEpoch);
                ModelDesc searched = ArchWeights.withTrainables(desc, run.model().archParams());
                Finalizers finalizers = algorithm.finalizers(conf, registry);
                finalizers.observe(run);
                ModelDesc finalDesc = finalizers.finalizeModel(searched);
                DescJson.save(searched, files.searchDesc());
                DescJson.save(finalDesc, files.finalDesc());
                long params = ModelStats.paramCount(desc, registry);
                return new Result(
                        searched,
                        finalDesc,
                        fit,
                        (System.nanoTime() - start) / 1e9,
                        params,
                        run.bestModel() == null ? null : run.bestModel().best());
            }
        }
    }

    /** The search of an algorithm that trains nothing: its desc, checked and saved as final. */
    private Result untrained(ModelDesc desc, Path dir, Provenance provenance, long start) {
        Finalizers.checkDiscrete(desc, registry);
        PhaseDir files = PhaseDir.of(dir);
        AtomicFiles.writeString(files.configUsed(), conf.toYaml());
        provenance.write(files.provenance());
        DescJson.save(desc, files.searchDesc());
        DescJson.save(desc, files.finalDesc());
        long params = ModelStats.paramCount(desc, registry);
        FitResult none = new FitResult(List.of(), 0, 0);
        return new Result(desc, desc, none, (System.nanoTime() - start) / 1e9, params);
    }

    /**
     * The candidate names of the first searchable edge of {@code desc} (which must carry its
     * architecture weights), the order its weights are listed in; empty when it has none.
     */
    static List<String> candidateNames(ModelDesc desc, EdgeReaders readers) {
        return desc.cells().stream()
                .flatMap(c -> c.nodes().stream())
                .flatMap(n -> n.edges().stream())
                .map(EdgeDesc::op)
                .filter(op -> readers.isSearchable(op.name()))
                .findFirst()
                .map(op -> readers.find(op.name()).candidates(op))
                .map(cs -> cs.stream().map(EdgeCandidate::name).toList())
                .orElse(List.of());
    }
}
