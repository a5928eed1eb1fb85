package org.nas4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.DescSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas desc show FILE}: a readable summary of a model description. */
@Command(
        name = "show",
        description = "Print a readable summary of a model description: stems, cells, nodes, ops.")
final class DescShowCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "ModelDesc JSON file.")
    Path file;

    @Override
    public Integer call() {
        String summary = DescSummary.describe(DescJson.load(file));
        PrintWriter out = spec.commandLine().getOut();
        out.print(summary.endsWith("\n") ? summary : summary + "\n");
        out.flush();
        return 0;
    }
}
