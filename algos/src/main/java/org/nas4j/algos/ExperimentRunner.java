package org.nas4j.algos;

import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nas4j.core.NasException;
import org.nas4j.core.Provenance;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.genotype.Genotype;
import org.nas4j.core.io.Json;
import org.nas4j.eval.Evaluater;
import org.nas4j.ops.OpRegistry;
import org.nas4j.search.Searcher;
import org.nas4j.search.finalize.Finalizers;
import org.nas4j.search.finalize.RandomFinalizers;
import org.nas4j.search.optim.NamedParams;
import org.nas4j.search.train.Trainer;
import org.nas4j.search.train.TrainerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search then evaluation for one algorithm. An algorithm is a subclass that overrides the parts
 * that differ, most often the desc builder and the architecture trainer:
 *
 * <pre>{@code
 * public class MyRunner extends ExperimentRunner {
 *     public MyRunner(Conf conf) { super(conf); }
 *     public String name() { return "mine"; }
 *     protected ModelDescBuilder modelDescBuilder() { return new MyModelDescBuilder(); }
 *     protected Trainer archTrainer(TrainerBuilder b, NamedParams arch) {
 *         return new MyArchTrainer(b, arch);
 *     }
 * }
 * }</pre>
 *
 * <p>Each phase writes its directory ({@code search/}, {@code eval/}) and a {@code result.json}
 * when it finishes; with {@code resume} a finished phase is not redone and an unfinished one
 * continues from its last checkpoint. {@code summary.json} at the top sums the experiment up.
 */
public abstract class ExperimentRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);

    /** Per-phase record written when a phase finishes. */
    public static final String RESULT = "result.json";

    /** The experiment's summary. */
    public static final String SUMMARY = "summary.json";

    protected final Conf conf;

    protected ExperimentRunner(Conf conf) {
        this.conf = conf;
    }

    /** The algorithm's name, as {@code --algo} gives it. */
    public abstract String name();

    /** Builds the search network's description; the default builds cells without edges. */
    protected ModelDescBuilder modelDescBuilder() {
        return new ModelDescBuilder();
    }

    /** Builds the evaluation network from the final desc's template cells. */
    protected ModelDescBuilder evalModelDescBuilder() {
        return new ModelDescBuilder();
    }

    /**
     * The search trainer for a network whose architecture weights are {@code archParams}: by
     * default it trains ordinary weights only; algorithms with architecture weights override.
     */
    protected Trainer archTrainer(TrainerBuilder builder, NamedParams archParams) {
        return builder.build();
    }

    /** How the search result is made discrete, from {@code nas.search.finalizer}. */
    protected Finalizers finalizers() {
        Conf f = conf.child("nas.search.finalizer");
        int edges = f.getInt("max_final_edges");
        String type = f.getString("type", "default");
        return switch (type) {
            case "default" -> new Finalizers(edges);
            case "random" -> new RandomFinalizers(edges, conf.getLong("common.seed"));
            default ->
                    throw new NasException(
                            "nas.search.finalizer.type = '"
                                    + type
                                    + "' is not a finalizer; valid types are default, random.");
        };
    }

    /** The op registry networks are built with. */
    protected OpRegistry registry() {
        return OpRegistry.standard();
    }

    /** The registry, for benchmarks that build networks outside a phase. */
    public OpRegistry registryForBench() {
        return registry();
    }

    /** The search trainer, for benchmarks. */
    public Trainer archTrainerForBench(TrainerBuilder builder, NamedParams archParams) {
        return archTrainer(builder, archParams);
    }

    public Searcher searcher() {
        return new Searcher(conf, modelDescBuilder(), registry(), this::archTrainer, finalizers());
    }

    public Evaluater evaluater() {
        return new Evaluater(conf, evalModelDescBuilder(), registry());
    }

    public Conf conf() {
        return conf;
    }

    /** Runs the phases {@code opts} asks for and writes {@code summary.json}. */
    public ExperimentResult run(RunOptions opts) {
        Path exp = opts.expDir();
        Provenance provenance =
                Provenance.capture(opts.args(), opts.confPaths(), conf.getLong("common.seed"));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("algo", name());
        summary.put("dataset", conf.getString("dataset.name"));
        summary.put("seed", conf.getLong("common.seed"));
        summary.put("mode", opts.mode());
        ModelDesc finalDesc = opts.finalDesc();
        Path searchDir = exp.resolve("search");
        if (opts.search()) {
            Map<String, Object> searchResult = finishedResult(searchDir, opts.resume());
            if (searchResult == null) {
                Searcher.Result r =
                        searcher().search(searchDir, opts.resume(), provenance, opts.console());
                searchResult = new LinkedHashMap<>();
                searchResult.put("wall_s", r.wallSeconds());
                searchResult.put("epochs", r.fit().epochsDone());
                searchResult.put("genotype", genotypeOrNull(r.finalDesc()));
                searchResult.put("supernet_params", r.supernetParams());
                if (r.fit().last() != null && r.fit().last().val() != null) {
                    searchResult.put("val_top1", r.fit().last().val().top1());
                }
                Json.write(searchDir.resolve(RESULT), searchResult);
            } else {
                LOG.info("Search in {} already finished; not redone.", searchDir);
            }
            summary.put("search", searchResult);
            finalDesc =
                    DescJson.load(
                            searchDir.resolve(conf.getString("nas.search.final_desc_filename")));
        } else if (finalDesc == null) {
            Path saved = searchDir.resolve(conf.getString("nas.search.final_desc_filename"));
            if (opts.eval() && !Files.exists(saved)) {
                throw new NasException(
                        "Evaluation needs a final model description, but the search was"
                                + " skipped and "
                                + saved
                                + " does not exist; run the search first or give"
                                + " --final-desc FILE or --genotype NAME.");
            }
            finalDesc = opts.eval() ? DescJson.load(saved) : null;
        }
        if (opts.eval()) {
            Path evalDir = exp.resolve("eval");
            Map<String, Object> evalResult = finishedResult(evalDir, opts.resume());
            if (evalResult == null) {
                Evaluater.Result r =
                        evaluater()
                                .evaluate(
                                        finalDesc,
                                        evalDir,
                                        opts.resume(),
                                        provenance,
                                        opts.console());
                evalResult = new LinkedHashMap<>();
                evalResult.put("wall_s", r.wallSeconds());
                evalResult.put("epochs", r.fit().epochsDone());
                evalResult.put("params", r.params());
                evalResult.put("macs", r.macs());
                evalResult.put("test_top1", r.test().top1());
                evalResult.put("test_top5", r.test().top5());
                evalResult.put("test_loss", r.test().loss());
                evalResult.put(
                        "images_per_s",
                        r.fit().last() == null ? 0.0 : r.fit().last().imagesPerSec());
                Json.write(evalDir.resolve(RESULT), evalResult);
            } else {
                LOG.info("Evaluation in {} already finished; not redone.", evalDir);
            }
            summary.put("eval", evalResult);
        }
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("nas4j", provenance.nas4jVersion());
        versions.put("djl", provenance.djlVersion());
        versions.put("java", provenance.javaVersion());
        versions.put("git_commit", provenance.gitCommit());
        versions.put("git_state", provenance.gitState());
        summary.put("versions", versions);
        Json.write(exp.resolve(SUMMARY), summary);
        return new ExperimentResult(exp, finalDesc, summary);
    }

    private static Map<String, Object> finishedResult(Path phaseDir, boolean resume) {
        Path file = phaseDir.resolve(RESULT);
        if (!resume || !Files.exists(file)) {
            return null;
        }
        try {
            return Json.gson()
                    .fromJson(
                            Files.readString(file),
                            new TypeToken<LinkedHashMap<String, Object>>() {}.getType());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The DARTS genotype of {@code desc}, or null when its cells do not fit that notation. */
    static String genotypeOrNull(ModelDesc desc) {
        try {
            return Genotype.fromDesc(desc, "final desc").toString();
        } catch (NasException e) {
            return null;
        }
    }
}
