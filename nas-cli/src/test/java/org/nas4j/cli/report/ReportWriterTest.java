package org.nas4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.NasException;

class ReportWriterTest {

    @Test
    void reportHasSummaryCellsCurvesAlphasAndSize(@TempDir Path dir) throws Exception {
        Path out = ReportWriter.write(FakeExperiment.write(dir));
        assertEquals(dir.resolve("report.html"), out);
        String html = Files.readString(out);
        for (String id :
                new String[] {
                    "id=\"summary\"",
                    "id=\"cell-normal\"",
                    "id=\"cell-reduce\"",
                    "id=\"chart-search-loss\"",
                    "id=\"chart-search-top1\"",
                    "id=\"chart-eval-loss\"",
                    "id=\"chart-eval-top1\"",
                    "id=\"chart-alphas-g0\"",
                    "id=\"heatmap-g0-epoch1\"",
                    "id=\"heatmap-g1-epoch3\"",
                    "id=\"chart-throughput\"",
                    "id=\"size-table\""
                }) {
            assertTrue(html.contains(id), id + " missing");
        }
        assertTrue(html.contains("<td>darts</td>"), "algorithm");
        assertTrue(html.contains("<td>81.23%</td>"), "test top-1 from summary.json");
        assertTrue(html.contains("<td>5m 13s</td>"), "search wall time 312.5 s");
        assertTrue(html.contains("<td>123,456</td>"), "eval params");
        assertTrue(html.contains("<td>7,654,321</td>"), "eval macs");
        assertTrue(html.contains("normal cell (cell 0)"), "alpha group named by the desc");
        assertTrue(html.contains("reduction cell (cell 1)"), "alpha group named by the desc");
        assertTrue(html.contains("sep_conv_3x3"), "op labels");
        // the fake run has no weights file; everything else is there
        assertTrue(html.contains("eval/model.params does not exist."), "missing file listed");
        assertFalse(html.contains("metrics.json does not exist."), "metrics are there");
    }

    @Test
    void reportIsSelfContained(@TempDir Path dir) throws Exception {
        String html = ReportWriter.html(FakeExperiment.write(dir));
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("src="), "no external resources");
        assertFalse(html.contains("<link"), "no stylesheets");
        String withoutNamespaces = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertFalse(withoutNamespaces.contains("http://"), "no network address");
        assertFalse(withoutNamespaces.contains("https://"), "no network address");
    }

    @Test
    void heatmapShowsSoftmaxOfTheRawLogits(@TempDir Path dir) throws Exception {
        String html = ReportWriter.html(FakeExperiment.write(dir));
        // last epoch, cell 0, node 0, edge 0: logits 0 except ln 3 for sep_conv_3x3 -> 3/10
        Pattern cell =
                Pattern.compile(
                        "id=\"heatmap-g0-epoch3\".*?<title>node 0 ← c_\\{k-2\\}, sep_conv_3x3:"
                                + " ([0-9.]+)</title>",
                        Pattern.DOTALL);
        Matcher m = cell.matcher(html);
        assertTrue(m.find(), "heatmap cell not found");
        assertEquals("0.3000", m.group(1));
        Matcher other =
                Pattern.compile(
                                "id=\"heatmap-g0-epoch3\".*?<title>node 0 ← c_\\{k-2\\},"
                                        + " max_pool_3x3: ([0-9.]+)</title>",
                                Pattern.DOTALL)
                        .matcher(html);
        assertTrue(other.find());
        assertEquals("0.1000", other.group(1));
    }

    @Test
    void searchOnlyRunShowsWhatExistsAndNamesWhatIsMissing(@TempDir Path dir) throws Exception {
        FakeExperiment.write(dir);
        deleteTree(dir.resolve("eval"));
        String html = ReportWriter.html(dir);
        assertTrue(html.contains("id=\"chart-search-loss\""));
        assertFalse(html.contains("id=\"chart-eval-loss\""));
        assertTrue(html.contains("eval/metrics.json does not exist."), "missing file listed");
        assertTrue(html.contains("eval/model.params does not exist."), "missing file listed");
        assertTrue(html.contains("id=\"cell-normal\""), "cells still drawn from the search desc");
    }

    @Test
    void evalOnlyRunDrawsCellsOfTheEvalNetwork(@TempDir Path dir) throws Exception {
        FakeExperiment.write(dir);
        deleteTree(dir.resolve("search"));
        Files.delete(dir.resolve("summary.json"));
        String html = ReportWriter.html(dir);
        assertTrue(html.contains("From eval/full_model_desc.json"));
        assertTrue(html.contains("id=\"cell-reduce\""));
        assertTrue(html.contains("No search/alphas.jsonl."));
        assertTrue(html.contains("summary.json does not exist."));
        // without summary.json the size is measured on the eval desc
        assertFalse(html.contains("<th>eval network parameters</th><td>–</td>"), "params counted");
    }

    @Test
    void unreadableFileIsReportedNotFatal(@TempDir Path dir) throws Exception {
        FakeExperiment.write(dir);
        Files.writeString(dir.resolve("search/metrics.json"), "{not json");
        String html = ReportWriter.html(dir);
        assertTrue(html.contains("search/metrics.json could not be read"), "problem listed");
        assertTrue(html.contains("id=\"chart-eval-loss\""), "the rest is shown");
    }

    @Test
    void summaryWrittenBeforeResultsWereVersionedStillLoads(@TempDir Path dir) throws Exception {
        FakeExperiment.write(dir);
        try (InputStream in = getClass().getResourceAsStream("/golden/summary_v0.json")) {
            Files.write(dir.resolve("summary.json"), in.readAllBytes());
        }
        String html = ReportWriter.html(dir);
        assertTrue(html.contains("<td>81.23%</td>"), "test top-1 from the old summary.json");
        assertFalse(html.contains("summary.json could not be read"), "no problem listed");
    }

    @Test
    void summaryOfAnUnknownVersionIsReportedNotFatal(@TempDir Path dir) throws Exception {
        FakeExperiment.write(dir);
        Path summary = dir.resolve("summary.json");
        Files.writeString(
                summary,
                Files.readString(summary)
                        .replace(
                                "\"version\": " + org.nas4j.core.result.ExperimentSummary.VERSION,
                                "\"version\": 9"));
        String html = ReportWriter.html(dir);
        assertTrue(html.contains("summary.json could not be read"), "problem listed");
        assertTrue(html.contains("version 9"), "the version is named");
        assertTrue(html.contains("id=\"chart-eval-loss\""), "the rest is shown");
    }

    @Test
    void directoryWithoutResultsIsAnError(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("search"));
        NasException e = assertThrows(NasException.class, () -> ReportWriter.write(dir));
        assertTrue(e.getMessage().contains("holds no experiment results"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("report.html")));
        NasException none =
                assertThrows(
                        NasException.class, () -> ReportWriter.write(dir.resolve("no/such/dir")));
        assertTrue(none.getMessage().contains("does not exist"), none.getMessage());
    }

    static void deleteTree(Path p) throws Exception {
        try (var s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
