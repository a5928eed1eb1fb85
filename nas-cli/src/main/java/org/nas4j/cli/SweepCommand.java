package org.nas4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import org.nas4j.cli.report.SweepReport;
import org.nas4j.core.ExperimentDir;
import org.nas4j.core.NasException;
import org.nas4j.core.conf.Conf;
import org.nas4j.eval.ExperimentRunner;
import org.nas4j.trials.Ledger;
import org.nas4j.trials.SweepPlan;
import org.nas4j.trials.SweepSummary;
import org.nas4j.trials.Trial;
import org.nas4j.trials.TrialResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code nas sweep}: the same experiment over several seeds and conf grids, one process a trial.
 */
@Command(
        name = "sweep",
        description = {
            "Run an experiment for several seeds and/or a grid of conf values, each trial its own"
                    + " process, on a local process pool or Apache Spark; prints each trial's"
                    + " cells and test accuracy, and mean +- std.",
            ""
        },
        footer = {
            "",
            "Any other --KEY VALUE overrides a conf value in every trial.",
            "Rerun on the same --sweep-dir to run only the trials not yet finished."
        })
public class SweepCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConfOptions confOptions;

    @Mixin TrialOptions trialOptions;

    @Unmatched List<String> overrides = new ArrayList<>();

    @Option(
            names = "--seeds",
            paramLabel = "N",
            description = "Trials with seeds 0..N-1 (default: the conf's seed only).")
    Integer seeds;

    @Option(
            names = "--grid",
            paramLabel = "KEY=V1,V2",
            description =
                    "A conf key and its values; several --grid options sweep their cross"
                            + " product.")
    List<String> grid = new ArrayList<>();

    @Option(
            names = "--sweep-dir",
            paramLabel = "DIR",
            description = "Sweep directory (default: <common.logdir>/<experiment_name>_sweep).")
    Path sweepDir;

    @Override
    public Integer call() {
        Conf conf = confOptions.load(overrides); // a bad conf fails here, once, before any trial
        ExperimentRunner.of(conf); // and an algorithm that is not installed
        Path dir =
                sweepDir != null
                        ? sweepDir
                        : ExperimentDir.defaultRoot(
                                conf.getString("common.logdir"),
                                conf.getString("common.experiment_name"),
                                "_sweep");
        int par = trialOptions.parallel();
        int threads = trialOptions.threads();
        SweepPlan plan =
                new SweepPlan("run", confOptions.algo, confOptions.trialArgs(), overrides, threads);
        if (seeds != null) {
            if (seeds < 1) {
                throw new NasException("--seeds must be at least 1, got " + seeds + ".");
            }
            plan.seeds(LongStream.range(0, seeds).boxed().toList());
        }
        grid.forEach(plan::grid);
        List<Trial> trials = plan.trials(dir);
        Ledger ledger = Ledger.open(dir);
        List<Trial> missing = ledger.missing(trials);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                Locale.ROOT,
                "sweep: %d trials (%d to run) on %s, %d at once, %d threads each -> %s%n",
                trials.size(),
                missing.size(),
                trialOptions.engine,
                par,
                threads,
                dir.toAbsolutePath());
        if (trialOptions.gpus().managed()) {
            out.println("sweep: " + trialOptions.gpus().describe());
        }
        out.flush();
        long start = System.nanoTime();
        trialOptions.engine().run(missing, ledger);
        List<TrialResult> results = resultsOf(trials, ledger);
        Map<String, Object> summary =
                SweepSummary.of(
                        confOptions.algo,
                        trialOptions.engine,
                        trials,
                        results,
                        (System.nanoTime() - start) / 1e9);
        SweepSummary.write(dir, summary);
        Path report = SweepReport.write(dir);
        printSummary(out, summary);
        out.println("report: " + report.toAbsolutePath());
        return results.stream().allMatch(TrialResult::ok) ? 0 : CliErrors.EXIT_ERROR;
    }

    /** Each trial's latest result, from the ledger (so finished trials of earlier runs count). */
    static List<TrialResult> resultsOf(List<Trial> trials, Ledger ledger) {
        Map<String, Map<String, Object>> lines = ledger.lines();
        List<TrialResult> out = new ArrayList<>();
        for (Trial t : trials) {
            Map<String, Object> l = lines.getOrDefault(t.id(), Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> result =
                    l.get("result") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            out.add(
                    new TrialResult(
                            t.id(),
                            String.valueOf(l.getOrDefault("status", Ledger.RUNNING)),
                            l.get("attempts") instanceof Number n ? n.intValue() : 0,
                            l.get("exit_code") instanceof Number n ? n.intValue() : -1,
                            l.get("wall_s") instanceof Number n ? n.doubleValue() : 0,
                            String.valueOf(l.getOrDefault("message", "")),
                            result));
        }
        return out;
    }

    private static void printSummary(PrintWriter out, Map<String, Object> s) {
        out.printf(Locale.ROOT, "%n== sweep of %s ==%n", s.get("algo"));
        for (Object o : (List<?>) s.get("trials")) {
            Map<?, ?> row = (Map<?, ?>) o;
            Object top1 = row.get("test_top1");
            out.printf(
                    Locale.ROOT,
                    "%-28s %-8s attempts %s  test top-1 %s%n",
                    row.get("trial"),
                    row.get("status"),
                    row.get("attempts"),
                    top1 instanceof Number n
                            ? String.format(Locale.ROOT, "%.2f%%", 100 * n.doubleValue())
                            : "-");
            if (row.get("genotype") != null) {
                out.println("    " + row.get("genotype"));
            }
            if (row.get("message") != null) {
                out.println("    " + row.get("message"));
            }
        }
        Map<?, ?> t = (Map<?, ?>) s.get("test_top1");
        if (t.get("mean") instanceof Number mean) {
            out.printf(
                    Locale.ROOT,
                    "test top-1 over %s trials: %.2f%%%s%n",
                    t.get("n"),
                    100 * mean.doubleValue(),
                    t.get("std") instanceof Number sd
                            ? String.format(Locale.ROOT, " +- %.2f", 100 * sd.doubleValue())
                            : "");
        }
        out.flush();
    }
}
