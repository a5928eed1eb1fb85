package org.nas4j.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.nas4j.core.ConfException;
import org.nas4j.core.ExperimentDir;
import org.nas4j.core.NasException;
import org.nas4j.core.PhaseDir;
import org.nas4j.core.Provenance;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.genotype.Genotype;
import org.nas4j.core.io.DirLock;
import org.nas4j.core.result.EvalResult;
import org.nas4j.core.result.ExperimentSummary;
import org.nas4j.core.result.SearchResult;
import org.nas4j.ops.OpRegistry;
import org.nas4j.search.Algorithm;
import org.nas4j.search.Algorithms;
import org.nas4j.search.Searcher;
import org.nas4j.train.ConfFingerprint;
import org.nas4j.train.Devices;
import org.nas4j.train.StepMemory;
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
 * <p>Each phase writes its directory ({@code search/}, {@code eval/}; see {@link ExperimentDir})
 * and a {@code result.json} ({@link SearchResult}, {@link EvalResult}) when it finishes; with
 * {@code resume} a finished phase is not redone (its result is re-read) and an unfinished one
 * continues from its last checkpoint. {@code summary.json} ({@link ExperimentSummary}) at the top
 * sums the experiment up. A subclass may override {@link #run} or the phase factories to change the
 * pipeline itself; an algorithm changes what is searched and how through its {@link Algorithm}.
 */
public class ExperimentRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);

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
        ConfChecks.check(conf, algorithm, algorithms.opRegistry());
        return new ExperimentRunner(algorithm, conf, algorithms.opRegistry());
    }

    /** The algorithm's name. */
    public String name() {
        return algorithm.name();
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    /**
     * The final architecture an eval network copies when no search has run: for an algorithm that
     * trains a supernet, the cells of {@code genotype} (a published name such as {@code DARTS_V2}
     * or a genotype's text; null means DARTS_V2) sized by {@code nas.search.model_desc}; for one
     * that trains none (random, nasbench101, manual), its search desc, which already is the
     * architecture, unless a genotype is given.
     */
    public ModelDesc evalTemplate(String genotype) {
        if (genotype == null && !algorithm.trainsSupernet()) {
            return searcher().buildDesc();
        }
        return GenotypeDescs.build(
                GenotypeDescs.resolve(genotype == null ? "DARTS_V2" : genotype),
                conf.child("nas.search.model_desc"),
                "search");
    }

    /**
     * Before a search that an evaluation follows: refuses the run when the eval network, with
     * DARTS_V2's cells standing in for the cells the search will find, cannot fit this machine, so
     * that the search does not spend hours before the evaluation is refused. An algorithm without
     * supernet already evaluates its own (known) network, and a stand-in that cannot be built for
     * this conf (another node count) is no estimate: then the evaluation checks when it starts.
     */
    private void refuseAnEvalThatCannotFit() {
        if (!algorithm.trainsSupernet() || !conf.has("nas.eval.model_desc")) {
            return;
        }
        ModelDesc standIn;
        try {
            standIn = evaluater().buildDesc(evalTemplate(null));
        } catch (RuntimeException e) { // no stand-in for this conf
            LOG.debug("No eval memory check before the search: {}", e.getMessage());
            return;
        }
        StepMemory.refuseIfCannotFit(
                StepMemory.before(standIn, registry, conf, "eval"),
                conf,
                "eval",
                " (estimated before the search, with DARTS_V2's cells standing in for the cells it"
                        + " will find)");
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
        refuseFileNameKeys();
        ExperimentDir.of(opts.expDir()).refuseForeign();
        try (DirLock lock = DirLock.acquire(opts.expDir())) {
            return runLocked(opts);
        }
    }

    private ExperimentResult runLocked(RunOptions opts) {
        ExperimentDir exp = ExperimentDir.of(opts.expDir());
        Provenance provenance =
                Provenance.capture(opts.args(), opts.confPaths(), conf.getLong("common.seed"));
        ModelDesc finalDesc = opts.finalDesc();
        SearchResult searchResult = null;
        PhaseDir searchDir = exp.search();
        if (opts.search()) {
            if (opts.eval()) {
                refuseAnEvalThatCannotFit();
            }
            searchResult = search(searchDir, opts, provenance);
            finalDesc = DescJson.load(searchDir.finalDesc());
        } else if (finalDesc == null && opts.eval()) {
            Path saved = searchDir.finalDesc();
            if (!Files.exists(saved)) {
                throw new NasException(
                        "Evaluation needs a final model description, but the search was"
                                + " skipped and "
                                + saved
                                + " does not exist; run the search first or give"
                                + " --final-desc FILE or --genotype NAME.");
            }
            finalDesc = DescJson.load(saved);
        }
        EvalResult evalResult = opts.eval() ? eval(exp.eval(), finalDesc, opts, provenance) : null;
        ExperimentSummary summary =
                new ExperimentSummary(
                        name(),
                        conf.getString("dataset.name"),
                        conf.getLong("common.seed"),
                        opts.mode(),
                        searchResult,
                        evalResult,
                        new ExperimentSummary.Versions(
                                provenance.nas4jVersion(),
                                provenance.djlVersion(),
                                provenance.javaVersion(),
                                provenance.gitCommit(),
                                provenance.gitState(),
                                provenance.libtorch(),
                                Devices.describe(conf.getString("common.device"))));
        summary.save(exp.summary());
        return new ExperimentResult(exp.root(), finalDesc, summary);
    }

    /** The search's result: re-read when a resumed search already finished, else searched. */
    private SearchResult search(PhaseDir dir, RunOptions opts, Provenance provenance) {
        if (opts.resume()) {
            ResumeCheck.check(conf, dir, ExperimentDir.SEARCH);
        } else {
            ResumeCheck.startOver(dir);
        }
        if (opts.resume() && Files.exists(dir.result())) {
            LOG.info("Search in {} already finished; not redone.", dir);
            return SearchResult.load(dir.result());
        }
        Searcher.Result r = searcher().search(dir.dir(), opts.resume(), provenance, opts.console());
        Double valTop1 =
                r.fit().last() != null && r.fit().last().val() != null
                        ? r.fit().last().val().top1()
                        : null;
        SearchResult result =
                new SearchResult(
                        r.wallSeconds(),
                        r.fit().epochsDone(),
                        genotypeOrNull(r.finalDesc()),
                        r.supernetParams(),
                        valTop1,
                        r.best(),
                        ConfFingerprint.of(conf, ExperimentDir.SEARCH));
        result.save(dir.result());
        return result;
    }

    /** The evaluation's result: re-read when a resumed one already finished, else evaluated. */
    private EvalResult eval(
            PhaseDir dir, ModelDesc finalDesc, RunOptions opts, Provenance provenance) {
        if (opts.resume()) {
            ResumeCheck.check(conf, dir, ExperimentDir.EVAL);
        } else {
            ResumeCheck.startOver(dir);
        }
        if (opts.resume() && Files.exists(dir.result())) {
            LOG.info("Evaluation in {} already finished; not redone.", dir);
            return EvalResult.load(dir.result());
        }
        Evaluater.Result r =
                evaluater()
                        .evaluate(finalDesc, dir.dir(), opts.resume(), provenance, opts.console());
        EvalResult result =
                new EvalResult(
                        r.wallSeconds(),
                        r.fit().epochsDone(),
                        r.params(),
                        r.macs(),
                        r.test().top1(),
                        r.test().top5(),
                        r.test().loss(),
                        r.fit().last() == null ? 0.0 : r.fit().last().imagesPerSec(),
                        r.best(),
                        r.testWeights(),
                        ConfFingerprint.of(conf, ExperimentDir.EVAL));
        result.save(dir.result());
        return result;
    }

    /**
     * Refuses the file-name keys of earlier confs when they ask for another name: the experiment
     * layout ({@link ExperimentDir}) owns every file name now.
     */
    private void refuseFileNameKeys() {
        Map<String, String> removed =
                Map.of(
                        "nas.search.final_desc_filename", PhaseDir.FINAL_DESC,
                        "nas.eval.final_desc_filename", PhaseDir.FINAL_DESC,
                        "nas.eval.full_desc_filename", PhaseDir.FULL_DESC);
        for (Map.Entry<String, String> e : removed.entrySet()) {
            String key = e.getKey();
            if (conf.has(key) && !e.getValue().equals(String.valueOf(conf.get(key)))) {
                throw new ConfException(
                        key
                                + " in "
                                + conf.sourceOf(key)
                                + " is '"
                                + conf.get(key)
                                + "', but file names are no longer configurable: the experiment"
                                + " layout always uses '"
                                + e.getValue()
                                + "'. Remove the key.");
            }
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
