package org.nas4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nas4j.cli.report.PetridishReport;
import org.nas4j.cli.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas report EXPDIR}: writes EXPDIR/report.html. */
@Command(
        name = "report",
        description = {
            "Write EXPDIR/report.html: one self-contained page with the run's summary, the final"
                    + " cells, training curves, architecture weights, throughput and model size.",
            ""
        })
final class ReportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "EXPDIR",
            description = "Experiment directory written by 'nas run', e.g. runs/darts_toy.")
    Path expDir;

    @Override
    public Integer call() {
        Path out =
                PetridishReport.isPetridish(expDir)
                        ? PetridishReport.write(expDir)
                        : ReportWriter.writeStrict(expDir);
        spec.commandLine().getOut().println("Wrote " + out + ".");
        return 0;
    }
}
