package org.nas4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;
import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.io.Json;
import org.nas4j.core.io.TextFiles;
import org.nas4j.eval.TrialBudget;
import org.nas4j.trials.Ledger;
import org.nas4j.trials.SweepPlan;
import org.nas4j.trials.Trial;
import org.nas4j.trials.TrialEngine;
import org.nas4j.trials.TrialResult;

/**
 * {@code nas run --algo NAME --trials N}: N trials of the algorithm with seeds 0..N-1, each
 * evaluated on the reduced budget of {@code nas.trials} ({@code eval_epochs}, with {@code
 * val_ratio} of the training set held out), run in parallel on a trial engine; the trial with the
 * best validation top-1 is then run again with the conf's full evaluation. For {@code random} this
 * is random search over the cell space. Writes {@code trials/} (one directory a trial, the ledger),
 * {@code best/} and {@code trial_search.json}.
 */
final class TrialSearch {
    /** The summary's file name in the experiment directory. */
    static final String FILE = "trial_search.json";

    private TrialSearch() {}

    static Map<String, Object> run(
            Conf conf,
            String algo,
            List<String> baseArgs,
            List<String> overrides,
            int n,
            Path exp,
            TrialEngine engine,
            int threads,
            PrintWriter out) {
        if (n < 2) {
            throw new ConfException("--trials must be at least 2, got " + n + ".");
        }
        TrialBudget budget = TrialBudget.fromConf(conf);
        List<String> reduced = new ArrayList<>(overrides);
        reduced.addAll(
                List.of(
                        "--nas.eval.trainer.epochs",
                        String.valueOf(budget.evalEpochs()),
                        "--nas.eval.loader.val_ratio",
                        String.valueOf(budget.valRatio())));
        Path dir = exp.resolve("trials");
        List<Trial> trials =
                new SweepPlan("run", algo, baseArgs, reduced, threads)
                        .seeds(LongStream.range(0, n).boxed().toList())
                        .trials(dir);
        Ledger ledger = Ledger.open(dir);
        out.printf(
                Locale.ROOT,
                "trials: %d %s trials (%d to run), %d eval epochs each, on %s -> %s%n",
                n,
                algo,
                ledger.missing(trials).size(),
                budget.evalEpochs(),
                engine.name(),
                dir.toAbsolutePath());
        out.flush();
        engine.run(ledger.missing(trials), ledger);
        List<TrialResult> results = SweepCommand.resultsOf(trials, ledger);

        List<Map<String, Object>> rows = new ArrayList<>();
        int best = -1;
        double bestVal = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < trials.size(); i++) {
            TrialResult r = results.get(i);
            double val = valTop1(Path.of(trials.get(i).expDir()));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("trial", r.id());
            row.put("seed", (long) i);
            row.put("status", r.status());
            row.put("val_top1", Double.isNaN(val) ? null : val);
            row.put("test_top1", Double.isNaN(r.testTop1()) ? null : r.testTop1());
            row.put("genotype", genotype(r));
            rows.add(row);
            if (r.ok() && val > bestVal) {
                bestVal = val;
                best = i;
            }
        }
        if (best < 0) {
            throw new ConfException(
                    "No trial finished with a validation accuracy; see "
                            + dir.resolve(Ledger.FILE));
        }
        List<String> full = new ArrayList<>(overrides);
        full.addAll(List.of("--common.seed", String.valueOf(best)));
        Trial winner =
                new Trial(
                        "best",
                        "run",
                        algo,
                        baseArgs,
                        full,
                        exp.resolve("best").toString(),
                        threads);
        Ledger bestLedger = Ledger.open(exp);
        if (!bestLedger.isDone("best")) {
            out.printf(
                    Locale.ROOT,
                    "retraining %s (val top-1 %.2f%%) with the full evaluation%n",
                    trials.get(best).id(),
                    100 * bestVal);
            out.flush();
            engine.run(List.of(winner), bestLedger);
        }
        TrialResult w = SweepCommand.resultsOf(List.of(winner), bestLedger).get(0);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("format", "nas4j.trial_search");
        s.put("version", 1);
        s.put("algo", algo);
        s.put("engine", engine.name());
        s.put("trials", rows);
        s.put("winner", trials.get(best).id());
        s.put("winner_val_top1", bestVal);
        s.put("best_status", w.status());
        s.put("best_test_top1", Double.isNaN(w.testTop1()) ? null : w.testTop1());
        s.put("best_exp_dir", winner.expDir());
        Json.write(exp.resolve(FILE), s);
        print(out, s);
        return s;
    }

    /** The validation top-1 of a trial's last evaluation epoch, NaN when it has none. */
    static double valTop1(Path trialDir) {
        Path metrics = trialDir.resolve("eval/metrics.json");
        if (!Files.isRegularFile(metrics)) {
            return Double.NaN;
        }
        try {
            String text = TextFiles.read(metrics, "metrics file");
            if (Json.tooDeep(text, metrics.toString()) != null) {
                return Double.NaN;
            }
            Map<?, ?> m = Json.gson().fromJson(text, Map.class);
            List<?> epochs = (List<?>) m.get("epochs");
            Map<?, ?> last = (Map<?, ?>) epochs.get(epochs.size() - 1);
            Map<?, ?> val = (Map<?, ?>) last.get("val");
            return val == null ? Double.NaN : ((Number) val.get("top1")).doubleValue();
        } catch (RuntimeException e) { // unreadable, damaged or not nas4j's: no value
            return Double.NaN;
        }
    }

    private static Object genotype(TrialResult r) {
        Object s = r.summary() == null ? null : r.summary().get("search");
        return s instanceof Map<?, ?> m ? m.get("genotype") : null;
    }

    private static void print(PrintWriter out, Map<String, Object> s) {
        out.printf(
                Locale.ROOT,
                "%n== %s: %s trials ==%n",
                s.get("algo"),
                ((List<?>) s.get("trials")).size());
        for (Object o : (List<?>) s.get("trials")) {
            Map<?, ?> r = (Map<?, ?>) o;
            out.printf(
                    Locale.ROOT,
                    "%-10s %-8s val top-1 %s  test top-1 %s%s%n",
                    r.get("trial"),
                    r.get("status"),
                    pct(r.get("val_top1")),
                    pct(r.get("test_top1")),
                    r.get("trial").equals(s.get("winner")) ? "  <- best" : "");
        }
        out.printf(
                Locale.ROOT,
                "best (%s) retrained: %s, test top-1 %s%n",
                s.get("winner"),
                s.get("best_status"),
                pct(s.get("best_test_top1")));
        out.flush();
    }

    private static String pct(Object o) {
        return o instanceof Number n
                ? String.format(Locale.ROOT, "%.2f%%", 100 * n.doubleValue())
                : "-";
    }
}
