package org.nas4j.trials;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.io.Json;

/**
 * {@code sweep.json}: every trial of a sweep with its outcome (status, attempts, test top-1,
 * genotype, parameters, multiply-adds, wall time), and the mean and sample standard deviation of
 * the test top-1 over the trials that finished.
 */
public final class SweepSummary {
    /** The summary's file name inside a sweep directory. */
    public static final String FILE = "sweep.json";

    /** Format tag of {@code sweep.json}. */
    public static final String FORMAT = "nas4j.sweep";

    /** Version of {@code sweep.json}. */
    public static final int VERSION = 1;

    private SweepSummary() {}

    /** The summary of {@code results} (in trial order) as a JSON-ready map. */
    public static Map<String, Object> of(
            String algo,
            String engine,
            List<Trial> trials,
            List<TrialResult> results,
            double wall) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("format", FORMAT);
        s.put("version", VERSION);
        s.put("algo", algo);
        s.put("engine", engine);
        s.put("wall_s", wall);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Double> top1 = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            TrialResult r = results.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("trial", r.id());
            row.put("status", r.status());
            row.put("attempts", r.attempts());
            row.put("exp_dir", trials.get(i).expDir());
            row.put("base_args", trials.get(i).baseArgs());
            row.put("overrides", trials.get(i).overrides());
            Map<?, ?> search = section(r, "search");
            Map<?, ?> eval = section(r, "eval");
            row.put("genotype", search.get("genotype"));
            row.put("test_top1", eval.get("test_top1"));
            row.put("params", eval.get("params"));
            row.put("macs", eval.get("macs"));
            row.put("search_wall_s", search.get("wall_s"));
            row.put("eval_wall_s", eval.get("wall_s"));
            if (!r.ok()) {
                row.put("message", r.message());
            }
            if (r.ok() && !Double.isNaN(r.testTop1())) {
                top1.add(r.testTop1());
            }
            rows.add(row);
        }
        s.put("trials", rows);
        s.put("test_top1", stats(top1));
        return s;
    }

    private static Map<?, ?> section(TrialResult r, String name) {
        Object o = r.summary() == null ? null : r.summary().get(name);
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    /** Mean, sample standard deviation and count of {@code xs}. */
    static Map<String, Object> stats(List<Double> xs) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = xs.size();
        double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double var = 0;
        for (double x : xs) {
            var += (x - mean) * (x - mean);
        }
        m.put("n", n);
        m.put("mean", n == 0 ? null : mean);
        m.put("std", n < 2 ? null : Math.sqrt(var / (n - 1)));
        return m;
    }

    /** Writes the summary into {@code sweepDir}. */
    public static void write(Path sweepDir, Map<String, Object> summary) {
        Json.write(sweepDir.resolve(FILE), summary);
    }
}
