package org.nas4j.cli.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.viz.CellDrawing;
import org.nas4j.search.Algorithms;

/** Builds the report page of an experiment as one HTML string. */
final class ReportHtml {
    /** Conf keys worth a line in the summary, relative to {@code nas.<phase>}. */
    private static final List<String> SEARCH_KEYS =
            List.of(
                    "model_desc.n_cells",
                    "model_desc.n_reductions",
                    "model_desc.init_node_ch",
                    "model_desc.n_nodes",
                    "model_desc.primitives",
                    "loader.batch",
                    "loader.max_batches",
                    "trainer.epochs",
                    "trainer.optimizer.lr",
                    "trainer.alpha_optimizer.lr",
                    "trainer.bilevel.order");

    private static final List<String> EVAL_KEYS =
            List.of(
                    "model_desc.n_cells",
                    "model_desc.n_reductions",
                    "model_desc.init_node_ch",
                    "model_desc.aux_weight",
                    "loader.batch",
                    "loader.max_batches",
                    "trainer.epochs",
                    "trainer.optimizer.lr",
                    "trainer.drop_path_prob");

    private static final String STYLE =
            "body{font-family:sans-serif;margin:24px;max-width:1400px;color:#222}"
                    + "h1{font-size:22px}h2{border-bottom:1px solid #ccc;padding-bottom:4px;margin-top:32px}"
                    + "table{border-collapse:collapse;margin:8px 0}"
                    + "td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}"
                    + "th{background:#f4f4f4}code{font-size:12px;word-break:break-all}"
                    + ".charts,.heatmaps,.cells{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}"
                    + ".note{color:#a33}.muted{color:#777}";

    private final ExperimentData d;
    private final SizeFacts size;

    ReportHtml(ExperimentData data, SizeFacts size) {
        this.d = data;
        this.size = size;
    }

    /** The whole page. */
    String page() {
        StringBuilder sb = new StringBuilder();
        String name = d.dir().toAbsolutePath().normalize().getFileName().toString();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>nas4j report: ")
                .append(Html.esc(name))
                .append("</title>\n<style>")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>nas4j experiment report: ")
                .append(Html.esc(name))
                .append("</h1>\n<p class=\"muted\">")
                .append(Html.esc(d.dir().toAbsolutePath().normalize().toString()))
                .append(" &middot; generated ")
                .append(Instant.now().toString())
                .append("</p>\n");
        summary(sb);
        cells(sb);
        curves(sb);
        alphas(sb);
        sizeSection(sb);
        missing(sb);
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    private void summary(StringBuilder sb) {
        sb.append("<section id=\"summary\">\n<h2>Summary</h2>\n");
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("algorithm", str("algo"));
        rows.put("dataset", str("dataset"));
        rows.put("seed", str("seed"));
        rows.put("mode", str("mode"));
        rows.put("search epochs", str("search.epochs"));
        rows.put("search wall time", Html.duration(num("search.wall_s")));
        rows.put("eval epochs", str("eval.epochs"));
        rows.put("eval wall time", Html.duration(num("eval.wall_s")));
        rows.put("test top-1", Html.percent(testTop1()));
        rows.put("test loss", Html.value(num("eval.test_loss")));
        table(sb, "summary-table", rows);
        String genotype = str("search.genotype");
        if (!genotype.equals("–")) {
            sb.append("<p>Genotype: <code id=\"genotype\">")
                    .append(Html.esc(genotype))
                    .append("</code></p>\n");
        }
        JsonElement versions = d.summary() == null ? null : d.summary().get("versions");
        if (versions != null && versions.isJsonObject()) {
            Map<String, String> v = new LinkedHashMap<>();
            versions.getAsJsonObject()
                    .entrySet()
                    .forEach(e -> v.put(e.getKey(), text(e.getValue())));
            sb.append("<h3>Versions</h3>\n");
            table(sb, "versions-table", v);
        }
        config(sb, d.search(), SEARCH_KEYS);
        config(sb, d.eval(), EVAL_KEYS);
        sb.append("</section>\n");
    }

    private void config(StringBuilder sb, ExperimentData.Phase phase, List<String> keys) {
        Conf conf = phase.config();
        if (conf == null) {
            return;
        }
        Map<String, String> rows = new LinkedHashMap<>();
        for (String k : keys) {
            String full = "nas." + phase.name() + "." + k;
            if (conf.has(full)) {
                rows.put(k, String.valueOf(conf.get(full)));
            }
        }
        for (String k : List.of("common.seed", "common.device", "dataset.name")) {
            if (conf.has(k)) {
                rows.put(k, String.valueOf(conf.get(k)));
            }
        }
        sb.append("<h3>Key ").append(phase.name()).append(" settings</h3>\n");
        table(sb, "config-" + phase.name(), rows);
    }

    private void cells(StringBuilder sb) {
        sb.append("<section id=\"cells\">\n<h2>Final cells</h2>\n");
        ModelDesc desc = d.search().desc() != null ? d.search().desc() : d.eval().desc();
        if (desc == null) {
            sb.append("<p class=\"note\">No final model description (search/final_model_desc.json")
                    .append(" or eval/full_model_desc.json) to draw.</p>\n");
        } else {
            String from =
                    d.search().desc() != null
                            ? "search/final_model_desc.json"
                            : "eval/full_model_desc.json";
            sb.append("<p class=\"muted\">From ")
                    .append(from)
                    .append(".</p>\n<div class=\"cells\">\n");
            for (String which : List.of("normal", "reduce")) {
                if (CellDrawing.cells(desc, "all").stream()
                        .anyMatch(c -> c.isReduction() == which.equals("reduce"))) {
                    sb.append("<figure class=\"cell-drawing\" id=\"cell-")
                            .append(which)
                            .append("\">")
                            .append(
                                    CellDrawing.svgElement(
                                            desc, which, Algorithms.installed().opRegistry()))
                            .append("</figure>\n");
                }
            }
            sb.append("</div>\n");
        }
        sb.append("</section>\n");
    }

    private void curves(StringBuilder sb) {
        sb.append("<section id=\"curves\">\n<h2>Training curves</h2>\n");
        for (ExperimentData.Phase p : List.of(d.search(), d.eval())) {
            sb.append("<h3>").append(p.name()).append("</h3>\n");
            if (p.metrics() == null || p.metrics().epochs().isEmpty()) {
                sb.append("<p class=\"note\">No ")
                        .append(p.name())
                        .append("/metrics.json epochs.</p>\n");
            } else {
                sb.append(ReportCharts.curves(p.metrics(), p.name()));
            }
        }
        sb.append("</section>\n");
    }

    private void alphas(StringBuilder sb) {
        sb.append("<section id=\"alphas\">\n<h2>Architecture weights</h2>\n");
        AlphaHistory h = d.search().alphas();
        if (h == null) {
            sb.append("<p class=\"note\">No search/alphas.jsonl.</p>\n");
        } else {
            sb.append(
                            "<p class=\"muted\">Softmax of each edge's architecture weights over its ops;")
                    .append(" the strongest op of an edge is outlined in red.</p>\n")
                    .append(ReportCharts.alphas(h, d.search().desc()));
        }
        sb.append("</section>\n");
    }

    private void sizeSection(StringBuilder sb) {
        sb.append("<section id=\"size\">\n<h2>Throughput and size</h2>\n");
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("search images/s (mean over epochs)", Html.value(meanThroughput(d.search())));
        OptionalDouble evalIps = opt("eval.images_per_s");
        rows.put(
                "eval images/s",
                Html.value(evalIps.isPresent() ? evalIps.getAsDouble() : meanThroughput(d.eval())));
        rows.put("search network parameters", count(size.searchParams()));
        rows.put("eval network parameters", count(size.evalParams()));
        rows.put("eval network multiply-adds (one image)", count(size.evalMacs()));
        table(sb, "size-table", rows);
        Map<String, MetricsHistory> phases = new LinkedHashMap<>();
        for (ExperimentData.Phase p : List.of(d.search(), d.eval())) {
            if (p.metrics() != null) {
                phases.put(p.name(), p.metrics());
            }
        }
        sb.append(ReportCharts.throughput(phases));
        sb.append("</section>\n");
    }

    private void missing(StringBuilder sb) {
        if (d.missing().isEmpty() && d.problems().isEmpty()) {
            return;
        }
        sb.append("<section id=\"missing\">\n<h2>Missing or unreadable files</h2>\n<ul>\n");
        for (String m : d.missing()) {
            sb.append("<li>").append(Html.esc(m)).append(" does not exist.</li>\n");
        }
        for (String p : d.problems()) {
            sb.append("<li class=\"note\">").append(Html.esc(p)).append("</li>\n");
        }
        sb.append("</ul>\n</section>\n");
    }

    private double testTop1() {
        OptionalDouble s = opt("eval.test_top1");
        if (s.isPresent()) {
            return s.getAsDouble();
        }
        MetricsHistory m = d.eval().metrics();
        if (m != null && !m.epochs().isEmpty()) {
            MetricsHistory.Split t = m.epochs().get(m.epochs().size() - 1).test();
            return t == null ? Double.NaN : t.top1();
        }
        return Double.NaN;
    }

    private static double meanThroughput(ExperimentData.Phase p) {
        if (p.metrics() == null) {
            return Double.NaN;
        }
        return p.metrics().epochs().stream()
                .mapToDouble(MetricsHistory.Epoch::imagesPerSec)
                .filter(Double::isFinite)
                .average()
                .orElse(Double.NaN);
    }

    private static String count(long n) {
        return n < 0 ? "–" : String.format(java.util.Locale.ROOT, "%,d", n);
    }

    private static void table(StringBuilder sb, String id, Map<String, String> rows) {
        sb.append("<table id=\"").append(id).append("\">\n");
        rows.forEach(
                (k, v) ->
                        sb.append("<tr><th>")
                                .append(Html.esc(k))
                                .append("</th><td>")
                                .append(Html.esc(v))
                                .append("</td></tr>\n"));
        sb.append("</table>\n");
    }

    /** A summary value by dotted path, as text ("–" when absent). */
    private String str(String path) {
        JsonElement e = SummaryValues.get(d.summary(), path);
        return e == null ? "–" : text(e);
    }

    private double num(String path) {
        return opt(path).orElse(Double.NaN);
    }

    private OptionalDouble opt(String path) {
        return SummaryValues.number(d.summary(), path);
    }

    private static String text(JsonElement e) {
        if (e.isJsonPrimitive()) {
            return e.getAsJsonPrimitive().isNumber()
                    ? Html.value(e.getAsDouble())
                    : e.getAsString();
        }
        return e.toString();
    }

    /** Parameter and multiply-add counts, -1 where unknown. */
    record SizeFacts(long searchParams, long evalParams, long evalMacs) {}

    /** Dotted-path access into summary.json. */
    static final class SummaryValues {
        private SummaryValues() {}

        static JsonElement get(JsonObject root, String path) {
            JsonElement cur = root;
            for (String part : path.split("\\.")) {
                if (cur == null || !cur.isJsonObject()) {
                    return null;
                }
                cur = cur.getAsJsonObject().get(part);
            }
            return cur == null || cur.isJsonNull() ? null : cur;
        }

        static OptionalDouble number(JsonObject root, String path) {
            JsonElement e = get(root, path);
            if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                return OptionalDouble.of(e.getAsDouble());
            }
            return OptionalDouble.empty();
        }
    }
}
