package org.nas4j.cli.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nas4j.core.ExperimentDir;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.io.AtomicFiles;
import org.nas4j.core.result.ExperimentSummary;
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
    private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);

    private ReportWriter() {}

    /** What the first kilobyte of a page this class wrote holds. */
    private static final String MARK = "<title>nas4j report: ";

    /**
     * Writes {@code expDir/report.html} atomically and returns its path.
     *
     * @throws NasException when {@code expDir} does not exist or holds no results at all, or its
     *     {@code report.html} is a file nas4j did not write (it is not overwritten)
     */
    public static Path write(Path expDir) {
        String html = html(expDir);
        Path out = ExperimentDir.of(expDir).report();
        refuseForeign(out);
        AtomicFiles.writeString(out, html);
        LOG.info("Wrote the experiment report {}", out);
        return out;
    }

    /**
     * Writes the report like {@link #write}, then fails when a file of the experiment exists but
     * could not be read (the page shows what could be, and lists the others): {@code nas report}
     * says so with a non-zero exit rather than passing over a corrupt result.
     *
     * @throws NasException after writing, naming each unreadable file and why
     */
    public static Path writeStrict(Path expDir) {
        Path out = write(expDir);
        List<String> problems = ExperimentData.load(expDir).problems();
        if (!problems.isEmpty()) {
            throw new NasException(
                    "Wrote "
                            + out
                            + ", but "
                            + problems.size()
                            + (problems.size() == 1 ? " file" : " files")
                            + " of the experiment could not be read (the report shows the rest): "
                            + String.join(" ", problems));
        }
        return out;
    }

    /** Refuses to replace a {@code report.html} that is not a page nas4j wrote. */
    private static void refuseForeign(Path out) {
        if (!Files.exists(out)) {
            return;
        }
        byte[] head = new byte[1024];
        int n = 0;
        if (Files.isRegularFile(out)) {
            try (InputStream in = Files.newInputStream(out)) {
                n = in.readNBytes(head, 0, head.length);
            } catch (IOException e) {
                n = 0; // unreadable: treated as not nas4j's
            }
        }
        if (!new String(head, 0, n, StandardCharsets.UTF_8).contains(MARK)) {
            throw new NasException(
                    out
                            + " exists and is not a report nas4j wrote; it is left as it is. Move"
                            + " it away to write the experiment's report there.");
        }
    }

    /** The report page of {@code expDir} as a string. */
    public static String html(Path expDir) {
        ExperimentData data = ExperimentData.load(expDir);
        return new ReportHtml(data, sizeFacts(data)).page();
    }

    /** Counts from summary.json, else measured on the eval network's desc; -1 where unknown. */
    private static ReportHtml.SizeFacts sizeFacts(ExperimentData d) {
        ExperimentSummary s = d.summary();
        long searchParams =
                known(s == null || s.search() == null ? 0 : s.search().supernetParams());
        long evalParams = known(s == null || s.eval() == null ? 0 : s.eval().params());
        long evalMacs = known(s == null || s.eval() == null ? 0 : s.eval().macs());
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

    /** A recorded count, or -1 when not recorded (an older summary may lack it: read as 0). */
    private static long known(long count) {
        return count > 0 ? count : -1;
    }
}
