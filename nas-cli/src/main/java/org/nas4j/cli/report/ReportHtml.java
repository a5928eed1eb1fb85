package org.nas4j.cli.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.PhaseDir;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.result.BestEpoch;
import org.nas4j.core.result.EvalResult;
import org.nas4j.core.result.ExperimentSummary;
import org.nas4j.core.result.SearchResult;
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

    private static String bestLabel(BestEpoch b) {
        return text(b.metric()) + ", " + text(b.mode());
    }

    /** {@code 3 of 5: 0.8123 (weights in eval/best_model.params} (the caller closes it). */
    private static String bestText(BestEpoch b, int epochs, String phase) {
        return (b.epoch() + 1)
                + " of "
                + epochs
                + ": "
                + Html.value(b.value())
                + " (weights in "
                + phase
                + "/"
                + PhaseDir.BEST_MODEL;
    }

    private void summary(StringBuilder sb) {
        sb.append("<section id=\"summary\">\n<h2>Summary</h2>\n");
        ExperimentSummary s = d.summary();
        SearchResult search = s == null ? null : s.search();
        EvalResult eval = s == null ? null : s.eval();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("algorithm", s == null ? "–" : text(s.algo()));
        rows.put("dataset", s == null ? "–" : text(s.dataset()));
        rows.put("seed", s == null ? "–" : Long.toString(s.seed()));
        rows.put("mode", s == null ? "–" : text(s.mode()));
        rows.put("search epochs", search == null ? "–" : Integer.toString(search.epochs()));
        rows.put("search wall time", Html.duration(search == null ? Double.NaN : search.wallS()));
        rows.put("eval epochs", eval == null ? "–" : Integer.toString(eval.epochs()));
        rows.put("eval wall time", Html.duration(eval == null ? Double.NaN : eval.wallS()));
        rows.put("test top-1", Html.percent(testTop1()));
        rows.put("test loss", Html.value(eval == null ? Double.NaN : eval.testLoss()));
        if (search != null && search.best() != null) {
            rows.put(
                    "search best epoch (" + bestLabel(search.best()) + ")",
                    bestText(search.best(), search.epochs(), "search") + ")");
        }
        if (eval != null && eval.best() != null) {
            rows.put(
                    "eval best epoch (" + bestLabel(eval.best()) + ")",
                    bestText(eval.best(), eval.epochs(), "eval")
                            + "; test figures are the "
                            + text(eval.testedWeights())
                            + " epoch's)");
        }
        table(sb, "summary-table", rows);
        if (search != null && search.genotype() != null) {
            sb.append("<p>Genotype: <code id=\"genotype\">")
                    .append(Html.esc(search.genotype()))
                    .append("</code></p>\n");
        }
        ExperimentSummary.Versions versions = s == null ? null : s.versions();
        if (versions != null) {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("nas4j", text(versions.nas4j()));
            v.put("djl", text(versions.djl()));
            v.put("java", text(versions.java()));
            v.put("git_commit", text(versions.gitCommit()));
            v.put("git_state", text(versions.gitState()));
            v.put("libtorch", text(versions.libtorch()));
            v.put("device", text(versions.device()));
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
            sb.append("<p class=\"note\">No final model description (")
                    .append(d.search().descFile())
                    .append(" or ")
                    .append(d.eval().descFile())
                    .append(") to draw.</p>\n");
        } else {
            String from = d.search().desc() != null ? d.search().descFile() : d.eval().descFile();
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
        EvalResult eval = d.summary() == null ? null : d.summary().eval();
        rows.put(
                "eval images/s",
                Html.value(
                        eval != null && eval.imagesPerS() > 0
                                ? eval.imagesPerS()
                                : meanThroughput(d.eval())));
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
        if (d.summary() != null && d.summary().eval() != null) {
            return d.summary().eval().testTop1();
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

    private static String text(String value) {
        return value == null ? "–" : value;
    }

    /** Parameter and multiply-add counts, -1 where unknown. */
    record SizeFacts(long searchParams, long evalParams, long evalMacs) {}
}
