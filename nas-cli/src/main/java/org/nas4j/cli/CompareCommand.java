package org.nas4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nas4j.cli.report.CompareReport;
import org.nas4j.core.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas compare DIR DIR...}: experiments side by side (random search vs DARTS, ...). */
@Command(
        name = "compare",
        description = {
            "Put experiments side by side: a random search (nas run --algo random --trials N)"
                    + " against a DARTS trial search or sweep on the same budget, or any runs."
                    + " Prints a Markdown table; --html also writes it as a page.",
            ""
        })
final class CompareCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
            paramLabel = "DIR",
            arity = "1..*",
            description =
                    "Directories written by nas run --trials (trial_search.json), nas sweep"
                            + " (sweep.json) or nas run (summary.json).")
    List<Path> dirs;

    @Option(
            names = "--html",
            paramLabel = "FILE",
            description = "Also write the table, with each final network's cells, to FILE.")
    Path html;

    @Override
    public Integer call() {
        List<CompareReport.Row> rows = new ArrayList<>();
        for (Path d : dirs) {
            rows.add(CompareReport.read(d));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(CompareReport.markdown(rows));
        if (html != null) {
            AtomicFiles.writeString(html, CompareReport.html(rows));
            out.println("Wrote " + html + ".");
        }
        out.flush();
        return 0;
    }
}
