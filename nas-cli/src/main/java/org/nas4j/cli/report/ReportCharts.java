package org.nas4j.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.ModelDesc;

/** The chart sections of the report: training curves, architecture weights, throughput. */
final class ReportCharts {
    private static final Pattern EDGE_KEY = Pattern.compile("cell(\\d+)\\.node(\\d+)\\.edge(\\d+)");
    private static final String[] SPLITS = {"train", "val", "test"};
    private static final int MAX_SNAPSHOTS = 4;

    private ReportCharts() {}

    /** Loss and top-1 per epoch of a phase, train/val/test as far as measured. */
    static String curves(MetricsHistory m, String phase) {
        double[] x = m.epochs().stream().mapToDouble(e -> e.epoch() + 1).toArray();
        LineChart loss =
                new LineChart("chart-" + phase + "-loss", phase + ": loss", "epoch", "loss");
        LineChart top1 =
                new LineChart(
                        "chart-" + phase + "-top1",
                        phase + ": top-1 accuracy",
                        "epoch",
                        "top-1 (%)");
        for (int s = 0; s < SPLITS.length; s++) {
            String split = SPLITS[s];
            if (!m.has(split)) {
                continue;
            }
            double[] l = new double[x.length];
            double[] t = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                MetricsHistory.Split sp = MetricsHistory.pick(m.epochs().get(i), split);
                l[i] = sp == null ? Double.NaN : sp.loss();
                t[i] = sp == null ? Double.NaN : 100 * sp.top1();
            }
            loss.add(split, x, l, LineChart.COLORS[s], s > 0);
            top1.add(split, x, t, LineChart.COLORS[s], s > 0);
        }
        return "<div class=\"charts\">\n" + loss.svg() + top1.svg() + "</div>\n";
    }

    /** Training images per second per epoch of every phase that recorded it, or "". */
    static String throughput(Map<String, MetricsHistory> phases) {
        LineChart c =
                new LineChart("chart-throughput", "training throughput", "epoch", "images / s");
        int i = 0;
        for (Map.Entry<String, MetricsHistory> e : phases.entrySet()) {
            List<MetricsHistory.Epoch> ep = e.getValue().epochs();
            c.add(
                    e.getKey(),
                    ep.stream().mapToDouble(x -> x.epoch() + 1).toArray(),
                    ep.stream().mapToDouble(MetricsHistory.Epoch::imagesPerSec).toArray(),
                    LineChart.COLORS[i++ % LineChart.COLORS.length],
                    false);
        }
        return c.hasData() ? "<div class=\"charts\">\n" + c.svg() + "</div>\n" : "";
    }

    /**
     * The architecture weights: per cell, the mean weight of each op over the cell's edges by
     * epoch, then heatmaps of every edge's weights at up to four epochs from first to last.
     *
     * @param desc a desc of the search network's structure (to tell reduction cells), or null
     */
    static String alphas(AlphaHistory h, ModelDesc desc) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String key : h.edges()) {
            groups.computeIfAbsent(group(key, desc), k -> new ArrayList<>()).add(key);
        }
        List<Integer> snaps = snapshots(h.epochs().size());
        double scaleMax = 0;
        for (Map<String, double[]> snap : h.weights()) {
            for (double[] w : snap.values()) {
                for (double v : w) {
                    scaleMax = Math.max(scaleMax, v);
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        int g = 0;
        for (Map.Entry<String, List<String>> e : groups.entrySet()) {
            String slug = "g" + g++;
            sb.append("<h3>").append(Html.esc(e.getKey())).append("</h3>\n");
            sb.append("<div class=\"charts\">\n")
                    .append(meanChart(h, e.getValue(), e.getKey(), slug));
            sb.append("</div>\n<div class=\"heatmaps\">\n");
            for (int s : snaps) {
                double[][] values = new double[e.getValue().size()][];
                List<String> rows = new ArrayList<>();
                for (int r = 0; r < values.length; r++) {
                    String key = e.getValue().get(r);
                    double[] w = h.weights().get(s).get(key);
                    values[r] = w != null ? w : nanRow(h.primitives().size());
                    rows.add(rowLabel(key));
                }
                int epoch = h.epochs().get(s) + 1;
                sb.append(
                        Heatmap.svg(
                                "heatmap-" + slug + "-epoch" + epoch,
                                "epoch " + epoch,
                                rows,
                                h.primitives(),
                                values,
                                scaleMax > 0 ? scaleMax : 1));
            }
            sb.append("</div>\n");
        }
        return sb.toString();
    }

    private static String meanChart(AlphaHistory h, List<String> keys, String title, String slug) {
        double[] x = h.epochs().stream().mapToDouble(e -> e + 1).toArray();
        LineChart c =
                new LineChart(
                        "chart-alphas-" + slug,
                        title + ": mean op weight",
                        "epoch",
                        "softmax weight");
        for (int op = 0; op < h.primitives().size(); op++) {
            double[] y = new double[x.length];
            for (int s = 0; s < x.length; s++) {
                double sum = 0;
                int n = 0;
                for (String k : keys) {
                    double[] w = h.weights().get(s).get(k);
                    if (w != null) {
                        sum += w[op];
                        n++;
                    }
                }
                y[s] = n == 0 ? Double.NaN : sum / n;
            }
            c.add(
                    h.primitives().get(op),
                    x,
                    y,
                    LineChart.COLORS[op % LineChart.COLORS.length],
                    op >= 8);
        }
        return c.svg();
    }

    /** Indices of up to four snapshots spread from the first to the last. */
    static List<Integer> snapshots(int n) {
        List<Integer> out = new ArrayList<>();
        int k = Math.min(n, MAX_SNAPSHOTS);
        for (int i = 0; i < k; i++) {
            int idx = k == 1 ? n - 1 : (int) Math.round(i * (n - 1) / (double) (k - 1));
            if (!out.contains(idx)) {
                out.add(idx);
            }
        }
        return out;
    }

    private static String group(String key, ModelDesc desc) {
        Matcher m = EDGE_KEY.matcher(key);
        if (!m.find()) {
            return "architecture weights";
        }
        int cell = Integer.parseInt(m.group(1));
        if (desc != null) {
            for (CellDesc c : desc.cells()) {
                if (c.id() == cell) {
                    return (c.isReduction() ? "reduction" : "normal") + " cell (cell " + cell + ")";
                }
            }
        }
        return "cell " + cell;
    }

    /** {@code node 0 ← c_{k-1}} for {@code cell0.node0.edge1.alphas}: edge j reads state j. */
    static String rowLabel(String key) {
        Matcher m = EDGE_KEY.matcher(key);
        if (!m.find()) {
            return key;
        }
        int j = Integer.parseInt(m.group(3));
        String in = j == 0 ? "c_{k-2}" : j == 1 ? "c_{k-1}" : "node " + (j - 2);
        return "node " + m.group(2) + " ← " + in;
    }

    private static double[] nanRow(int n) {
        double[] r = new double[n];
        java.util.Arrays.fill(r, Double.NaN);
        return r;
    }
}
