package org.nas4j.cli.report;

import java.nio.file.Path;
import java.util.OptionalDouble;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.io.AtomicFiles;
import org.nas4j.ops.OpRegistry;
import org.nas4j.ops.net.ModelStats;
import org.nas4j.search.Algorithms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code report.html} into an experiment directory.
 *
 * <p>The page is one self-contained file: inline CSS and SVG, no scripts, nothing fetched from the
 * network. It shows the run's summary (algorithm, dataset, seed, key settings, versions, wall
 * time), the final normal and reduction cells, loss and top-1 per epoch for search and eval, the
 * architecture weights over the epochs, throughput, and parameter and multiply-add counts. Files
 * the directory lacks (a search-only or eval-only run) are listed as missing; the rest is shown.
 *
 * <pre>{@code
 * Path html = ReportWriter.write(Path.of("runs/darts_toy"));
 * }</pre>
 */
public final class ReportWriter {
    /** Name of the report file in the experiment directory. */
    public static final String FILE_NAME = "report.html";

    private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);

    private ReportWriter() {}

    /**
     * Writes {@code expDir/report.html} atomically and returns its path.
     *
     * @throws NasException when {@code expDir} does not exist or holds no results at all
     */
    public static Path write(Path expDir) {
        String html = html(expDir);
        Path out = expDir.resolve(FILE_NAME);
        AtomicFiles.writeString(out, html);
        LOG.info("Wrote the experiment report {}", out);
        return out;
    }

    /** The report page of {@code expDir} as a string. */
    public static String html(Path expDir) {
        ExperimentData data = ExperimentData.load(expDir);
        return new ReportHtml(data, sizeFacts(data)).page();
    }

    /** Counts from summary.json, else measured on the eval network's desc. */
    private static ReportHtml.SizeFacts sizeFacts(ExperimentData d) {
        long searchParams = count(d, "search.params");
        long evalParams = count(d, "eval.params");
        long evalMacs = count(d, "eval.macs");
        ModelDesc eval = d.eval().desc();
        if (eval != null && (evalParams < 0 || evalMacs < 0)) {
            try {
                OpRegistry registry = Algorithms.installed().opRegistry();
                evalParams = evalParams < 0 ? ModelStats.paramCount(eval, registry) : evalParams;
                evalMacs = evalMacs < 0 ? ModelStats.macs(eval, registry) : evalMacs;
            } catch (NasException e) {
                LOG.warn("Could not count the eval network's size: {}", e.getMessage());
            }
        }
        return new ReportHtml.SizeFacts(searchParams, evalParams, evalMacs);
    }

    private static long count(ExperimentData d, String path) {
        OptionalDouble v = ReportHtml.SummaryValues.number(d.summary(), path);
        return v.isPresent() ? Math.round(v.getAsDouble()) : -1;
    }
}
