package org.nas4j.cli.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nas4j.core.ExperimentDir;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.io.AtomicFiles;
import org.nas4j.core.io.Json;
import org.nas4j.core.viz.CellDrawing;
import org.nas4j.search.Algorithms;
import org.nas4j.trials.SweepSummary;

/**
 * Writes {@code report.html} of a sweep directory: every trial side by side (status, attempts, test
 * top-1, parameters, multiply-adds, time, its final cells), the mean and spread of the test top-1,
 * and, when the trials differ in size, multiply-adds against test top-1 with the Pareto front (no
 * other trial is both smaller and more accurate) marked. Self-contained: inline SVG, no scripts.
 */
public final class SweepReport {
    private SweepReport() {}

    /** Writes {@code sweepDir/report.html} from its {@code sweep.json} and returns its path. */
    public static Path write(Path sweepDir) {
        Map<String, Object> s = read(sweepDir.resolve(SweepSummary.FILE));
        Path out = sweepDir.resolve(ExperimentDir.REPORT);
        AtomicFiles.writeString(out, html(s));
        return out;
    }

    private static Map<String, Object> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NasException(file + " does not exist; run nas sweep first.");
        }
        return Json.readMap(file);
    }

    static String html(Map<String, Object> s) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>nas4j sweep: ")
                .append(Html.esc(String.valueOf(s.get("algo"))))
                .append("</title><style>body{font-family:sans-serif;margin:2em}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;")
                .append("padding:4px 8px;text-align:right}td:first-child{text-align:left}")
                .append(".cells{display:flex;flex-wrap:wrap;gap:1em}")
                .append("figure{margin:0}.front{fill:#d62728}.pt{fill:#1f77b4}</style>")
                .append("</head><body>\n<h1>Sweep of ")
                .append(Html.esc(String.valueOf(s.get("algo"))))
                .append("</h1>\n<p>Engine ")
                .append(Html.esc(String.valueOf(s.get("engine"))))
                .append(", wall time ")
                .append(Html.duration(num(s.get("wall_s"))))
                .append(". ");
        Map<?, ?> t = (Map<?, ?>) s.get("test_top1");
        if (t != null && t.get("mean") != null) {
            sb.append("Test top-1 over ")
                    .append(Html.value(num(t.get("n"))))
                    .append(" trials: <b>")
                    .append(Html.percent(num(t.get("mean"))))
                    .append("</b>");
            if (t.get("std") != null) {
                sb.append(" &plusmn; ").append(Html.value(100 * num(t.get("std"))));
            }
            sb.append(".");
        }
        sb.append("</p>\n<table><tr><th>trial</th><th>status</th><th>attempts</th>")
                .append("<th>test top-1</th><th>parameters</th><th>multiply-adds</th>")
                .append("<th>search</th><th>eval</th></tr>\n");
        List<Map<?, ?>> rows = rows(s);
        for (Map<?, ?> r : rows) {
            sb.append("<tr><td>")
                    .append(Html.esc(String.valueOf(r.get("trial"))))
                    .append("</td><td>")
                    .append(Html.esc(String.valueOf(r.get("status"))))
                    .append("</td><td>")
                    .append(Html.value(num(r.get("attempts"))))
                    .append("</td><td>")
                    .append(Html.percent(num(r.get("test_top1"))))
                    .append("</td><td>")
                    .append(Html.value(num(r.get("params"))))
                    .append("</td><td>")
                    .append(Html.value(num(r.get("macs"))))
                    .append("</td><td>")
                    .append(Html.duration(num(r.get("search_wall_s"))))
                    .append("</td><td>")
                    .append(Html.duration(num(r.get("eval_wall_s"))))
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n");
        if (distinctMacs(rows) > 1) {
            sb.append("<h2>Multiply-adds against test top-1</h2>\n")
                    .append(pareto(rows))
                    .append("\n<p>Red: the Pareto front (no other trial is both smaller and")
                    .append(" more accurate).</p>\n");
        }
        sb.append("<h2>Final cells</h2>\n");
        for (Map<?, ?> r : rows) {
            Path desc = Path.of(String.valueOf(r.get("exp_dir")), "search/final_model_desc.json");
            if (!Files.isRegularFile(desc)) {
                continue;
            }
            ModelDesc d = DescJson.load(desc);
            sb.append("<h3>")
                    .append(Html.esc(String.valueOf(r.get("trial"))))
                    .append("</h3>\n<div class=\"cells\"><figure>")
                    .append(CellDrawing.svgElement(d, "all", Algorithms.installed().opRegistry()))
                    .append("</figure></div>\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> rows(Map<String, Object> s) {
        Object o = s.get("trials");
        return o instanceof List<?> l ? (List<Map<?, ?>>) l : List.of();
    }

    private static long distinctMacs(List<Map<?, ?>> rows) {
        return rows.stream()
                .map(r -> num(r.get("macs")))
                .filter(v -> !Double.isNaN(v))
                .distinct()
                .count();
    }

    /** Indices of the trials on the Pareto front of (fewer multiply-adds, higher top-1). */
    static List<Integer> front(List<double[]> points) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            boolean dominated = false;
            for (int j = 0; j < points.size() && !dominated; j++) {
                double[] a = points.get(j);
                double[] b = points.get(i);
                dominated = j != i && a[0] <= b[0] && a[1] >= b[1] && (a[0] < b[0] || a[1] > b[1]);
            }
            if (!dominated) {
                out.add(i);
            }
        }
        return out;
    }

    private static String pareto(List<Map<?, ?>> rows) {
        List<double[]> pts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map<?, ?> r : rows) {
            double m = num(r.get("macs"));
            double a = num(r.get("test_top1"));
            if (!Double.isNaN(m) && !Double.isNaN(a)) {
                pts.add(new double[] {m, a});
                names.add(String.valueOf(r.get("trial")));
            }
        }
        return MacsScatter.svg(pts, names, front(pts), List.of(), "test top-1");
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
