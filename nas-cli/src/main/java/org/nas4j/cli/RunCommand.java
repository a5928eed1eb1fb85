package org.nas4j.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nas4j.algos.nasbench101.Nb101Algorithm;
import org.nas4j.algos.nasbench101.Nb101Descs;
import org.nas4j.cli.report.ReportWriter;
import org.nas4j.core.ExperimentDir;
import org.nas4j.core.NasException;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.result.EvalResult;
import org.nas4j.core.result.ExperimentSummary;
import org.nas4j.core.result.SearchResult;
import org.nas4j.eval.ExperimentResult;
import org.nas4j.eval.ExperimentRunner;
import org.nas4j.eval.GenotypeDescs;
import org.nas4j.eval.RunOptions;
import org.nas4j.train.Devices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code nas run}: search, then evaluate the found architecture. */
@Command(
        name = "run",
        description = {
            "Search an architecture, then train and test it (toy mode unless --full or --preset).",
            ""
        },
        footer = {
            "",
            "Any other --KEY VALUE overrides a conf value, e.g. --nas.search.trainer.epochs 1."
        })
public class RunCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConfOptions confOptions;

    @Unmatched List<String> overrides = new ArrayList<>();

    @Mixin TrialOptions trialOptions;

    @Option(
            names = "--trials",
            paramLabel = "N",
            description =
                    "Run N trials (seeds 0..N-1) on the reduced budget of nas.trials in parallel,"
                            + " then the best by validation accuracy with the full evaluation"
                            + " (random search for --algo random).")
    Integer trials;

    @Option(
            names = "--exp-dir",
            paramLabel = "DIR",
            description =
                    "Experiment directory (default: <common.logdir>/<common.experiment_name>).")
    Path expDir;

    @Option(
            names = "--no-search",
            description = "Skip the search; evaluate the saved or given desc.")
    boolean noSearch;

    @Option(names = "--no-eval", description = "Stop after the search.")
    boolean noEval;

    @Option(
            names = "--no-resume",
            description =
                    "Start afresh instead of continuing from checkpoints and finished phases.")
    boolean noResume;

    @Option(
            names = "--final-desc",
            paramLabel = "FILE",
            description = "Evaluate this final model description (implies --no-search).")
    Path finalDesc;

    @Option(
            names = "--genotype",
            paramLabel = "NAME|GENOTYPE",
            description =
                    "Evaluate a DARTS genotype, by name (DARTS_V1, DARTS_V2, PC_DARTS) or"
                            + " written out (implies --no-search).")
    String genotype;

    @Option(
            names = "--nb101-spec",
            paramLabel = "SPEC|FILE",
            description =
                    "Evaluate a NAS-Bench-101 cell, {\"matrix\": [[...]], \"ops\": [...]} or a"
                            + " file holding it, with --algo nasbench101 (implies --no-search).")
    String nb101Spec;

    /** Whether this command searches (subcommands narrow it). */
    protected boolean doSearch() {
        return !noSearch && finalDesc == null && genotype == null && nb101Spec == null;
    }

    /** Whether this command evaluates (subcommands narrow it). */
    protected boolean doEval() {
        return !noEval;
    }

    @Override
    public Integer call() {
        Conf conf = confOptions.load(overrides);
        Devices.applyThreads(conf.getInt("common.num_threads", 0));
        ExperimentRunner runner = ExperimentRunner.of(conf);
        Path exp =
                expDir != null
                        ? expDir
                        : ExperimentDir.defaultRoot(
                                conf.getString("common.logdir"),
                                conf.getString("common.experiment_name"),
                                "");
        boolean resume = !noResume && conf.getBool("common.resume", true);
        if (PetridishRun.drives(runner, conf, doSearch())) {
            PetridishRun.check(trials != null, !resume, exp);
            PetridishRun.run(
                    runner,
                    confOptions.trialArgs(),
                    overrides,
                    exp,
                    trialOptions,
                    doEval(),
                    spec.commandLine().getOut());
            return 0;
        }
        if (trials != null) {
            if (!doSearch() || !doEval()) {
                throw new NasException(
                        "--trials runs whole trials (search and eval); it cannot be combined with"
                                + " --no-search, --no-eval, --final-desc, --genotype or"
                                + " --nb101-spec.");
            }
            TrialSearch.run(
                    conf,
                    confOptions.algo,
                    confOptions.trialArgs(),
                    overrides,
                    trials,
                    exp,
                    trialOptions.engine(),
                    trialOptions.threads(),
                    spec.commandLine().getOut());
            return 0;
        }
        ModelDesc given = givenDesc(conf);
        if (!doSearch() && !doEval()) {
            throw new NasException(
                    "Nothing to do: both the search and the evaluation are switched off.");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("device: " + Devices.describe(conf.getString("common.device")));
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        args.add(0, spec.name());
        ExperimentResult r =
                runner.run(
                        new RunOptions(
                                exp,
                                doSearch(),
                                doEval(),
                                resume,
                                given,
                                args,
                                confOptions.confPaths(),
                                confOptions.mode(),
                                consoleStream()));
        Path report = ReportWriter.write(exp);
        printSummary(out, r);
        out.println("report: " + report.toAbsolutePath());
        out.flush();
        return 0;
    }

    private ModelDesc givenDesc(Conf conf) {
        if ((finalDesc != null ? 1 : 0) + (genotype != null ? 1 : 0) + (nb101Spec != null ? 1 : 0)
                > 1) {
            throw new NasException(
                    "--final-desc, --genotype and --nb101-spec each name the architecture; give"
                            + " one.");
        }
        if (nb101Spec != null) {
            if (!Nb101Algorithm.NAME.equals(confOptions.algo)) {
                throw new NasException(
                        "--nb101-spec evaluates a NAS-Bench-101 cell in the benchmark's network;"
                                + " it needs --algo "
                                + Nb101Algorithm.NAME
                                + ", not --algo "
                                + confOptions.algo
                                + ".");
            }
            return Nb101Descs.network(Nb101Descs.readSpec(nb101Spec), conf);
        }
        if (finalDesc != null) {
            return DescFiles.load(finalDesc);
        }
        if (genotype != null) {
            return GenotypeDescs.build(
                    GenotypeDescs.resolve(genotype), conf.child("nas.search.model_desc"), "search");
        }
        return null;
    }

    /** Progress goes to the terminal's stderr so stdout keeps only the summary. */
    private static PrintStream consoleStream() {
        return System.err;
    }

    static void printSummary(PrintWriter out, ExperimentResult r) {
        ExperimentSummary s = r.summary();
        out.printf(
                Locale.ROOT,
                "%n== nas4j %s on %s (%s mode, seed %d) ==%n",
                s.algo(),
                s.dataset(),
                s.mode(),
                s.seed());
        SearchResult search = s.search();
        if (search != null) {
            out.printf(Locale.ROOT, "search: %.0f s, %d epochs", search.wallS(), search.epochs());
            if (search.valTop1() != null) {
                out.printf(Locale.ROOT, ", supernet val top-1 %.2f%%", 100 * search.valTop1());
            }
            out.println();
            if (search.best() != null) {
                out.printf(
                        Locale.ROOT,
                        "search best epoch by %s (%s): %d of %d, %.4f (weights: search/%s)%n",
                        search.best().metric(),
                        search.best().mode(),
                        search.best().epoch() + 1,
                        search.epochs(),
                        search.best().value(),
                        org.nas4j.core.PhaseDir.BEST_MODEL);
            }
        }
        if (r.finalDesc() != null) {
            out.println("final cells:");
            out.print(CellWords.describe(r.finalDesc()));
        }
        EvalResult eval = s.eval();
        if (eval != null) {
            out.printf(
                    Locale.ROOT,
                    "eval: %.0f s, %d epochs, %,d parameters, %,d multiply-adds per image%n",
                    eval.wallS(),
                    eval.epochs(),
                    eval.params(),
                    eval.macs());
            out.printf(
                    Locale.ROOT,
                    "test accuracy: top-1 %.2f%%, top-5 %.2f%%%n",
                    100 * eval.testTop1(),
                    100 * eval.testTop5());
            if (eval.best() != null) {
                out.printf(
                        Locale.ROOT,
                        "best epoch by %s (%s): %d of %d, %.4f (weights: eval/%s; the test above"
                                + " used the %s epoch's)%n",
                        eval.best().metric(),
                        eval.best().mode(),
                        eval.best().epoch() + 1,
                        eval.epochs(),
                        eval.best().value(),
                        org.nas4j.core.PhaseDir.BEST_MODEL,
                        eval.testedWeights());
            }
        }
        out.println("files: " + r.expDir().toAbsolutePath());
        out.flush();
    }
}
