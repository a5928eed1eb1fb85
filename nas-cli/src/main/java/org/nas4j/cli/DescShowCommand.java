package org.nas4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.DescSummary;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.ops.OpRegistry;
import org.nas4j.ops.net.ModelStats;
import org.nas4j.search.Algorithms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas desc show FILE}: a readable summary of a model description and its size. */
@Command(
        name = "show",
        description =
                "Print a readable summary of a model description: stems, cells, nodes, ops, and"
                        + " its parameter count and multiply-adds.")
final class DescShowCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "ModelDesc JSON file.")
    Path file;

    @Override
    public Integer call() {
        ModelDesc desc = DescFiles.load(file);
        String summary = DescSummary.describe(desc);
        PrintWriter out = spec.commandLine().getOut();
        out.print(summary.endsWith("\n") ? summary : summary + "\n");
        out.println(sizeLine(desc, Algorithms.installed().opRegistry()));
        out.flush();
        return 0;
    }

    /**
     * E.g. {@code Size: 3,349,342 parameters (3.35 M), 547.8 M multiply-adds per 3x32x32 input}, as
     * the papers count them (no aux tower); a search desc's count includes every candidate op.
     */
    static String sizeLine(ModelDesc desc, OpRegistry registry) {
        long params;
        long macs;
        try {
            params = ModelStats.paramCount(desc, registry);
            macs = ModelStats.macs(desc, registry);
        } catch (NasException e) {
            // a valid desc that is no network yet, such as the macro template of `nas desc build`
            return "Size: not counted: " + e.getMessage();
        }
        String input =
                desc.inputShape().stream().map(String::valueOf).collect(Collectors.joining("x"));
        boolean search = hasSearchableOp(desc, registry);
        return String.format(
                Locale.ROOT,
                "Size: %,d parameters (%.2f M), %.1f M multiply-adds per %s input (aux tower not"
                        + " counted%s).",
                params,
                params / 1e6,
                macs / 1e6,
                input,
                search ? "; a search desc: every candidate op of every edge counted" : "");
    }

    private static boolean hasSearchableOp(ModelDesc desc, OpRegistry registry) {
        return desc.cells().stream()
                .flatMap(c -> c.nodes().stream())
                .flatMap(n -> n.edges().stream())
                .anyMatch(e -> registry.find(e.op().name()) != null);
    }
}
