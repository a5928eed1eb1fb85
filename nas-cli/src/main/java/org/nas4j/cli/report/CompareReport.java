package org.nas4j.cli.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nas4j.core.NasException;

/**
 * Experiments side by side: a random search ({@code nas run --algo random --trials N}) against a
 * DARTS trial search or sweep on the same budget, or any runs of different algorithms. Each
 * directory is read from what it already holds: {@code trial_search.json} (trials on a reduced
 * budget, the winner by validation top-1 retrained in full), {@code sweep.json} (seeds or a grid,
 * each trained in full) or {@code summary.json} (one run).
 */
public final class CompareReport {
    private CompareReport() {}

    /**
     * One experiment.
     *
     * @param name the directory's name
     * @param algo the algorithm
     * @param protocol how it was run, e.g. {@code 4 trials, winner retrained}
     * @param trialTop1 test top-1 of its trials (of the one run for a single run)
     * @param chosen the trial retrained (by validation top-1), or null
     * @param finalTop1 the figure to compare: the winner retrained, a sweep's mean, a run's test
     * @param params parameters of the final network (the winner's, a sweep's best trial's), or -1
     * @param macs multiply-adds per image of that network, or -1
     * @param wallS seconds of all its training together (trials and retraining), NaN when unknown
     * @param genotype cells of the final network, or null
     */
    public record Row(
            String name,
            String algo,
            String protocol,
            List<Double> trialTop1,
            String chosen,
            double finalTop1,
            long params,
            long macs,
            double wallS,
            String genotype) {}

    /** Reads the experiment in {@code dir}. */
    public static Row read(Path dir) {
        if (Files.isRegularFile(dir.resolve("trial_search.json"))) {
            return trialSearch(dir);
        }
        if (Files.isRegularFile(dir.resolve("sweep.json"))) {
            return sweep(dir);
        }
        if (Files.isRegularFile(dir.resolve("summary.json"))) {
            return single(dir);
        }
        throw new NasException(
                dir
                        + " holds none of trial_search.json (nas run --trials), sweep.json (nas"
                        + " sweep) or summary.json (nas run): give directories those commands wrote.");
    }

    private static Row trialSearch(Path dir) {
        JsonObject o = JsonFiles.object(dir.resolve("trial_search.json"));
        List<Double> tops = new ArrayList<>();
        String winner = string(o, "winner");
        String genotype = null;
        for (JsonElement e : array(o, "trials")) {
            JsonObject t = e.getAsJsonObject();
            double top = JsonFiles.number(t, Double.NaN, "test_top1");
            if (!Double.isNaN(top)) {
                tops.add(top);
            }
            if (winner != null && winner.equals(string(t, "trial"))) {
                genotype = string(t, "genotype");
            }
        }
        JsonObject best = evalOf(dir.resolve("best"));
        double wall = ledgerWall(dir.resolve("trials")) + ledgerWall(dir);
        return new Row(
                dir.getFileName().toString(),
                string(o, "algo"),
                tops.size() + " trials on a reduced budget, the best by val top-1 retrained",
                tops,
                winner,
                JsonFiles.number(o, Double.NaN, "best_test_top1"),
                best == null ? -1 : (long) JsonFiles.number(best, -1, "params"),
                best == null ? -1 : (long) JsonFiles.number(best, -1, "macs"),
                wall,
                genotype);
    }

    private static Row sweep(Path dir) {
        JsonObject o = JsonFiles.object(dir.resolve("sweep.json"));
        List<Double> tops = new ArrayList<>();
        JsonObject top = null;
        for (JsonElement e : array(o, "trials")) {
            JsonObject t = e.getAsJsonObject();
            double v = JsonFiles.number(t, Double.NaN, "test_top1");
            if (!Double.isNaN(v)) {
                tops.add(v);
                if (top == null || v > JsonFiles.number(top, Double.NaN, "test_top1")) {
                    top = t;
                }
            }
        }
        return new Row(
                dir.getFileName().toString(),
                string(o, "algo"),
                tops.size() + " trials trained in full (the mean is compared)",
                tops,
                null,
                tops.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                top == null ? -1 : (long) JsonFiles.number(top, -1, "params"),
                top == null ? -1 : (long) JsonFiles.number(top, -1, "macs"),
                JsonFiles.number(o, Double.NaN, "wall_s"),
                top == null ? null : string(top, "genotype"));
    }

    private static Row single(Path dir) {
        JsonObject o = JsonFiles.object(dir.resolve("summary.json"));
        JsonObject eval = object(o, "eval");
        JsonObject search = object(o, "search");
        double top = eval == null ? Double.NaN : JsonFiles.number(eval, Double.NaN, "test_top1");
        double wall =
                (search == null ? 0 : JsonFiles.number(search, 0, "wall_s"))
                        + (eval == null ? 0 : JsonFiles.number(eval, 0, "wall_s"));
        return new Row(
                dir.getFileName().toString(),
                string(o, "algo"),
                "one run",
                Double.isNaN(top) ? List.of() : List.of(top),
                null,
                top,
                eval == null ? -1 : (long) JsonFiles.number(eval, -1, "params"),
                eval == null ? -1 : (long) JsonFiles.number(eval, -1, "macs"),
                wall,
                search == null ? null : string(search, "genotype"));
    }

    /** The table as Markdown, one row per experiment. */
    public static String markdown(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| experiment | algo | protocol | trials' test top-1 (mean ± std, min–max) |")
                .append(" retrained | final test top-1 | params | MACs/image | wall |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append("| ")
                    .append(r.name())
                    .append(" | ")
                    .append(r.algo())
                    .append(" | ")
                    .append(r.protocol())
                    .append(" | ")
                    .append(spread(r.trialTop1()))
                    .append(" | ")
                    .append(r.chosen() == null ? "–" : r.chosen())
                    .append(" | ")
                    .append(Html.percent(r.finalTop1()))
                    .append(" | ")
                    .append(count(r.params()))
                    .append(" | ")
                    .append(count(r.macs()))
                    .append(" | ")
                    .append(Html.duration(r.wallS()))
                    .append(" |\n");
        }
        return sb.toString();
    }

    /** The table as one self-contained HTML page, with each final network's cells. */
    public static String html(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>nas4j comparison")
                .append("</title><style>body{font-family:sans-serif;margin:2em}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;")
                .append("padding:4px 8px;text-align:left}code{font-size:smaller}</style>")
                .append("</head><body>\n<h1>Comparison</h1>\n<table>\n<tr>");
        for (String h :
                List.of(
                        "experiment",
                        "algo",
                        "protocol",
                        "trials' test top-1",
                        "retrained",
                        "final test top-1",
                        "params",
                        "MACs/image",
                        "wall",
                        "cells")) {
            sb.append("<th>").append(Html.esc(h)).append("</th>");
        }
        sb.append("</tr>\n");
        for (Row r : rows) {
            sb.append("<tr>");
            for (String v :
                    List.of(
                            r.name(),
                            String.valueOf(r.algo()),
                            r.protocol(),
                            spread(r.trialTop1()),
                            r.chosen() == null ? "–" : r.chosen(),
                            Html.percent(r.finalTop1()),
                            count(r.params()),
                            count(r.macs()),
                            Html.duration(r.wallS()))) {
                sb.append("<td>").append(Html.esc(v)).append("</td>");
            }
            sb.append("<td><code>")
                    .append(Html.esc(r.genotype() == null ? "–" : r.genotype()))
                    .append("</code></td></tr>\n");
        }
        return sb.append("</table>\n</body></html>\n").toString();
    }

    /** Mean ± sample std and range of fractions, as percentages. */
    static String spread(List<Double> xs) {
        if (xs.isEmpty()) {
            return "–";
        }
        double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        if (xs.size() == 1) {
            return Html.percent(mean);
        }
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        double std = Math.sqrt(ss / (xs.size() - 1));
        double min = xs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = xs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return String.format(
                Locale.ROOT,
                "%.2f ± %.2f %% (%.2f–%.2f)",
                100 * mean,
                100 * std,
                100 * min,
                100 * max);
    }

    private static String count(long n) {
        return n < 0 ? "–" : String.format(Locale.ROOT, "%,d", n);
    }

    /** Sum of the recorded wall seconds of the trials in {@code dir}'s ledger (0 if none). */
    private static double ledgerWall(Path dir) {
        Path file = dir.resolve("trials.jsonl");
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        double sum = 0;
        int line = 0;
        for (String text : JsonFiles.read(file).split("\n")) {
            line++;
            if (!text.isBlank()) {
                sum += JsonFiles.number(JsonFiles.object(text, file + ":" + line), 0, "wall_s");
            }
        }
        return sum;
    }

    /** The evaluation record in the summary of experiment {@code dir}, or null. */
    private static JsonObject evalOf(Path dir) {
        Path summary = dir.resolve("summary.json");
        return Files.isRegularFile(summary) ? object(JsonFiles.object(summary), "eval") : null;
    }

    private static JsonArray array(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }
}
