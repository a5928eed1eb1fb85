package org.nas4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nas4j.core.NasException;
import org.nas4j.core.io.Json;
import org.nas4j.trials.Ledger;
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
 * {@code nas retrain --exp SWEEP --top K}: the final cells of a sweep's best K trials, each trained
 * again with the evaluation protocol ({@code --full} or {@code --preset} choose it, as for {@code
 * nas eval}), as parallel trials. Trials rank by the validation top-1 of their search (the
 * supernet's), else by the test top-1 their own evaluation measured.
 */
@Command(
        name = "retrain",
        description = {
            "Retrain the final cells of a sweep's best K trials with the eval protocol.",
            ""
        })
public class RetrainCommand implements Callable<Integer> {
    /** The summary's file name in the sweep directory. */
    static final String FILE = "retrain.json";

    @Spec CommandSpec spec;

    @Mixin TrialOptions trialOptions;

    @Unmatched List<String> overrides = new ArrayList<>();

    @Option(
            names = "--exp",
            required = true,
            paramLabel = "DIR",
            description = "A sweep directory.")
    Path exp;

    @Option(names = "--top", paramLabel = "K", description = "How many trials (default 1).")
    int top = 1;

    @Option(names = "--full", description = "The paper's eval protocol instead of toy mode.")
    boolean full;

    @Option(names = "--preset", paramLabel = "NAME", description = "A preset's eval protocol.")
    String preset;

    @Override
    public Integer call() {
        Path file = exp.resolve(SweepSummary.FILE);
        if (!Files.isRegularFile(file)) {
            throw new NasException(
                    exp + " is not a sweep directory: it has no " + SweepSummary.FILE + ".");
        }
        if (top < 1) {
            throw new NasException("--top must be at least 1, got " + top + ".");
        }
        Map<String, Object> sweep = Json.readMap(file);
        String algo = String.valueOf(sweep.get("algo"));
        List<Map<?, ?>> ranked = new ArrayList<>();
        for (Object o : (List<?>) sweep.get("trials")) {
            Map<?, ?> row = (Map<?, ?>) o;
            Path desc = Path.of(String.valueOf(row.get("exp_dir")), "search/final_model_desc.json");
            if ("ok".equals(row.get("status")) && Files.isRegularFile(desc)) {
                ranked.add(row);
            }
        }
        if (ranked.isEmpty()) {
            throw new NasException("No finished trial of " + exp + " has final cells to retrain.");
        }
        ranked.sort(Comparator.comparingDouble((Map<?, ?> r) -> score(r)).reversed());
        List<Map<?, ?>> chosen = ranked.subList(0, Math.min(top, ranked.size()));
        List<String> mode = new ArrayList<>();
        if (full) {
            mode.add("--full");
        }
        if (preset != null) {
            mode.addAll(List.of("--preset", preset));
        }
        Path dir = exp.resolve("retrain");
        List<Trial> trials = new ArrayList<>();
        for (Map<?, ?> r : chosen) {
            List<String> args = new ArrayList<>(mode);
            args.addAll(dataArgs(r.get("base_args")));
            args.addAll(
                    List.of(
                            "--final-desc",
                            Path.of(
                                            String.valueOf(r.get("exp_dir")),
                                            "search/final_model_desc.json")
                                    .toAbsolutePath()
                                    .toString()));
            String id = String.valueOf(r.get("trial"));
            trials.add(
                    new Trial(
                            id,
                            "eval",
                            algo,
                            args,
                            overrides,
                            dir.resolve(id).toString(),
                            trialOptions.threads()));
        }
        Ledger ledger = Ledger.open(dir);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                Locale.ROOT,
                "retrain: the best %d of %d trials (%d to run) on %s -> %s%n",
                trials.size(),
                ranked.size(),
                ledger.missing(trials).size(),
                trialOptions.engine,
                dir.toAbsolutePath());
        out.flush();
        trialOptions.engine().run(ledger.missing(trials), ledger);
        List<TrialResult> results = SweepCommand.resultsOf(trials, ledger);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            TrialResult r = results.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("trial", r.id());
            row.put("status", r.status());
            row.put("sweep_score", score(chosen.get(i)));
            row.put("test_top1", Double.isNaN(r.testTop1()) ? null : r.testTop1());
            row.put("exp_dir", trials.get(i).expDir());
            rows.add(row);
            out.printf(
                    Locale.ROOT,
                    "%-28s %-8s test top-1 %s%n",
                    r.id(),
                    r.status(),
                    Double.isNaN(r.testTop1())
                            ? "-"
                            : String.format(Locale.ROOT, "%.2f%%", 100 * r.testTop1()));
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("format", "nas4j.retrain");
        s.put("version", 1);
        s.put("algo", algo);
        s.put("trials", rows);
        Json.write(exp.resolve(FILE), s);
        out.flush();
        return results.stream().allMatch(TrialResult::ok) ? 0 : CliErrors.EXIT_ERROR;
    }

    /** The sweep trial's options that choose data ({@code --dataset}, {@code --conf}), not mode. */
    private static List<String> dataArgs(Object baseArgs) {
        List<String> out = new ArrayList<>();
        if (baseArgs instanceof List<?> l) {
            for (int i = 0; i + 1 < l.size(); i++) {
                String a = String.valueOf(l.get(i));
                if (a.equals("--dataset") || a.equals("--conf")) {
                    out.add(a);
                    out.add(String.valueOf(l.get(++i)));
                }
            }
        }
        return out;
    }

    /** A trial's rank: its search's validation top-1, else its test top-1. */
    private static double score(Map<?, ?> row) {
        Path result = Path.of(String.valueOf(row.get("exp_dir")), "search/result.json");
        if (Files.isRegularFile(result)) {
            Object v = Json.readMap(result).get("val_top1");
            if (v instanceof Number n) {
                return n.doubleValue();
            }
        }
        return row.get("test_top1") instanceof Number n
                ? n.doubleValue()
                : Double.NEGATIVE_INFINITY;
    }
}
