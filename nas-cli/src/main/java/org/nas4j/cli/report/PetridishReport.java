package org.nas4j.cli.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.algos.petridish.PetridishOutputs;
import org.nas4j.algos.petridish.Pool;
import org.nas4j.algos.petridish.PoolModel;
import org.nas4j.core.ExperimentDir;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.io.AtomicFiles;
import org.nas4j.core.io.Json;
import org.nas4j.core.viz.CellDrawing;
import org.nas4j.search.Algorithms;

/**
 * Writes {@code report.html} of a Petridish experiment: multiply-adds against validation top-1 of
 * every model of the pool with the lower convex hull (of the error) and the lineage (a line from
 * each model to the parent it grew from), the pool as a table with the test top-1 of each retrained
 * hull model, and the cells of the hull's models. Self-contained: inline SVG, no scripts.
 */
public final class PetridishReport {
    /** The summary file the command line writes beside the pool. */
    public static final String SUMMARY = "petridish.json";

    private PetridishReport() {}

    /** Whether {@code dir} holds a Petridish search (its {@code pool.json}). */
    public static boolean isPetridish(Path dir) {
        return Files.isRegularFile(dir.resolve(Pool.FILE));
    }

    /** Writes {@code exp/report.html} and returns its path. */
    public static Path write(Path exp) {
        if (!isPetridish(exp)) {
            throw new NasException(
                    exp.resolve(Pool.FILE)
                            + " does not exist; run nas run --algo petridish first.");
        }
        Path out = exp.resolve(ExperimentDir.REPORT);
        AtomicFiles.writeString(out, html(exp));
        return out;
    }

    static String html(Path exp) {
        Pool pool = Pool.open(exp);
        List<PoolModel> models = pool.models();
        List<String> hull = PetridishOutputs.hullIds(pool);
        Map<String, Map<?, ?>> tests = evalRows(exp);
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>nas4j petridish</title><style>body{font-family:sans-serif;")
                .append("margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;")
                .append("padding:4px 8px;text-align:right}td:first-child{text-align:left}")
                .append(".cells{display:flex;flex-wrap:wrap;gap:1em}figure{margin:0}")
                .append(".front{fill:#d62728}.pt{fill:#1f77b4}</style></head><body>\n")
                .append("<h1>Petridish</h1>\n<p>")
                .append(models.size())
                .append(" models in ")
                .append(pool.models().stream().mapToInt(PoolModel::round).max().orElse(0))
                .append(" rounds of growth, ")
                .append(hull.size())
                .append(" on the lower convex hull of (multiply-adds, validation error)");
        if (!pool.failed().isEmpty()) {
            sb.append(", ").append(pool.failed().size()).append(" failed");
        }
        sb.append(".</p>\n");
        if (!models.isEmpty()) {
            sb.append("<h2>Multiply-adds against validation top-1</h2>\n")
                    .append(scatter(models, hull))
                    .append("\n<p>Red: the hull. Grey lines: which parent each model grew")
                    .append(" from.</p>\n");
        }
        sb.append("<h2>Pool</h2>\n<table><tr><th>model</th><th>grew from</th>")
                .append("<th>reductions</th><th>cells</th><th>nodes</th><th>multiply-adds</th>")
                .append("<th>parameters</th><th>val top-1</th><th>on hull</th>")
                .append("<th>retrained test top-1</th></tr>\n");
        for (PoolModel m : models) {
            Map<?, ?> t = tests.get(m.id());
            sb.append("<tr><td>")
                    .append(Html.esc(m.id()))
                    .append("</td><td>")
                    .append(Html.esc(m.parent() == null ? "(seed)" : m.parent()))
                    .append("</td><td>")
                    .append(m.reductions())
                    .append("</td><td>")
                    .append(m.cells())
                    .append("</td><td>")
                    .append(m.nodes())
                    .append("</td><td>")
                    .append(Html.value(m.macs()))
                    .append("</td><td>")
                    .append(Html.value(m.params()))
                    .append("</td><td>")
                    .append(Html.percent(m.valTop1()))
                    .append("</td><td>")
                    .append(hull.contains(m.id()) ? "yes" : "")
                    .append("</td><td>")
                    .append(t == null ? "" : testCell(t))
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n");
        for (Pool.Failure f : pool.failed()) {
            sb.append("<p>Failed: ")
                    .append(Html.esc(f.id()))
                    .append(": ")
                    .append(Html.esc(String.valueOf(f.message())))
                    .append("</p>\n");
        }
        sb.append("<h2>Cells of the hull's models</h2>\n");
        for (String id : hull) {
            Path desc = exp.resolve(PetridishOutputs.HULL).resolve(id + ".json");
            if (!Files.isRegularFile(desc)) {
                continue;
            }
            sb.append("<h3>")
                    .append(Html.esc(id))
                    .append("</h3>\n<div class=\"cells\"><figure>")
                    .append(
                            CellDrawing.svgElement(
                                    DescJson.load(desc),
                                    "all",
                                    Algorithms.installed().opRegistry()))
                    .append("</figure></div>\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    private static String scatter(List<PoolModel> models, List<String> hull) {
        List<double[]> pts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> front = new ArrayList<>();
        List<int[]> lineage = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            PoolModel m = models.get(i);
            pts.add(new double[] {m.macs(), m.valTop1()});
            names.add(m.id());
            if (hull.contains(m.id())) {
                front.add(i);
            }
            for (int j = 0; j < models.size(); j++) {
                if (models.get(j).id().equals(m.parent())) {
                    lineage.add(new int[] {i, j});
                }
            }
        }
        return MacsScatter.svg(pts, names, front, lineage, "validation top-1");
    }

    private static String testCell(Map<?, ?> t) {
        Object v = t.get("test_top1");
        return v instanceof Number n
                ? Html.percent(n.doubleValue())
                : Html.esc(String.valueOf(t.get("status")));
    }

    /** The retrained hull models of {@code petridish.json}, by id; empty when it has none. */
    private static Map<String, Map<?, ?>> evalRows(Path exp) {
        Map<String, Map<?, ?>> out = new LinkedHashMap<>();
        Path f = exp.resolve(SUMMARY);
        if (!Files.isRegularFile(f)) {
            return out;
        }
        if (Json.readMap(f).get("eval") instanceof List<?> rows) {
            for (Object o : rows) {
                if (o instanceof Map<?, ?> r) {
                    out.put(String.valueOf(r.get("id")), r);
                }
            }
        }
        return out;
    }
}
