package org.nas4j.eval;

import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nas4j.core.NasException;
import org.nas4j.core.Provenance;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.genotype.Genotype;
import org.nas4j.core.io.DirLock;
import org.nas4j.core.io.Json;
import org.nas4j.ops.OpRegistry;
import org.nas4j.search.Algorithm;
import org.nas4j.search.Algorithms;
import org.nas4j.search.Searcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search then evaluation of one {@link Algorithm} under one {@link Conf}: the composition {@code
 * nas run}, {@code nas search}, {@code nas eval} and {@code nas bench} all go through.
 *
 * <pre>{@code
 * Conf conf = Conf.load(AlgoConfs.confPaths("darts", false, null, null), List.of());
 * ExperimentRunner runner = ExperimentRunner.of(conf);   // the algorithm nas.search.algo names
 * ExperimentResult result = runner.run(options);          // which phases, where, resume
 * }</pre>
 *
 * <p>Each phase writes its directory ({@code search/}, {@code eval/}) and a {@code result.json}
 * when it finishes; with {@code resume} a finished phase is not redone and an unfinished one
 * continues from its last checkpoint. {@code summary.json} at the top sums the experiment up. A
 * subclass may override {@link #run} or the phase factories to change the pipeline itself; an
 * algorithm changes what is searched and how through its {@link Algorithm}.
 */
public class ExperimentRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);

    /** Per-phase record written when a phase finishes. */
    public static final String RESULT = "result.json";

    /** The experiment's summary. */
    public static final String SUMMARY = "summary.json";

    /** The conf key naming the algorithm a conf is for. */
    public static final String ALGO_KEY = "nas.search.algo";

    protected final Conf conf;
    protected final Algorithm algorithm;
    protected final OpRegistry registry;

    /**
     * @param algorithm the algorithm to run
     * @param conf the resolved conf
     * @param registry the ops networks are built with (built-in and every installed algorithm's)
     */
    public ExperimentRunner(Algorithm algorithm, Conf conf, OpRegistry registry) {
        this.conf = conf;
        this.algorithm = algorithm;
        this.registry = registry;
    }

    /**
     * The runner of the installed algorithm that {@code nas.search.algo} names.
     *
     * @throws org.nas4j.core.ConfException when no installed algorithm has that name
     */
    public static ExperimentRunner of(Conf conf) {
        return of(conf, Algorithms.installed());
    }

    /** The runner of the algorithm among {@code algorithms} that {@code nas.search.algo} names. */
    public static ExperimentRunner of(Conf conf, Algorithms algorithms) {
        String name = conf.getString(ALGO_KEY);
        Algorithm algorithm = algorithms.get(name, ALGO_KEY + " in " + conf.sourceOf(ALGO_KEY));
        algorithm.checkConf(conf);
        return new ExperimentRunner(algorithm, conf, algorithms.opRegistry());
    }

    /** The algorithm's name. */
    public String name() {
        return algorithm.name();
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    /** The ops networks are built with. */
    public OpRegistry registry() {
        return registry;
    }

    public Searcher searcher() {
        return new Searcher(conf, algorithm, registry);
    }

    public Evaluater evaluater() {
        return new Evaluater(conf, algorithm.evalDescBuilder(conf), registry);
    }

    public Conf conf() {
        return conf;
    }

    /**
     * Runs the phases {@code opts} asks for and writes {@code summary.json}, holding the experiment
     * directory's lock throughout.
     *
     * @throws NasException at once when another process is running in the same directory
     */
    public ExperimentResult run(RunOptions opts) {
        try (DirLock lock = DirLock.acquire(opts.expDir())) {
            return runLocked(opts);
        }
    }

    private ExperimentResult runLocked(RunOptions opts) {
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
