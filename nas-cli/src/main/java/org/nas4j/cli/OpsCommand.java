package org.nas4j.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.nas4j.ops.OpInfo;
import org.nas4j.search.Algorithms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nas ops}: every op of the standard registry with its one-line description. */
@Command(
        name = "ops",
        description = "List the registered ops (built-in and from OpProvider plugins).")
final class OpsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        List<OpInfo> ops = Algorithms.installed().opRegistry().list();
        PrintWriter out = spec.commandLine().getOut();
        int width = ops.stream().mapToInt(op -> op.name().length()).max().orElse(0);
        for (OpInfo op : ops) {
            out.printf("%-" + width + "s  %s%n", op.name(), op.description());
        }
        out.flush();
        return 0;
    }
}
