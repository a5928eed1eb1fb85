package org.nas4j.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.io.AtomicFiles;
import org.nas4j.core.viz.CellDrawing;
import org.nas4j.search.Algorithms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nas desc draw FILE [--cell normal|reduce|all] -o OUT.svg|OUT.png}: draws cells as the
 * DARTS papers do.
 */
@Command(
        name = "draw",
        description = {
            "Draw the cells of a model description as SVG or PNG: inputs c_{k-2} and c_{k-1},"
                    + " nodes in order, output c_{k}, edges labelled with their ops (and"
                    + " architecture weights in a search desc).",
            ""
        })
final class DescDrawCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "ModelDesc JSON file.")
    Path file;

    @Option(
            names = "--cell",
            paramLabel = "normal|reduce|all",
            defaultValue = "all",
            description = "Which cell to draw (default: ${DEFAULT-VALUE}).")
    String cell;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "OUT.svg|OUT.png",
            description = "Image to write; the extension picks the format.")
    Path output;

    @Override
    public Integer call() {
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = name.endsWith(".png");
        if (!png && !name.endsWith(".svg")) {
            throw new NasException(
                    "Cannot tell the image format of '"
                            + output
                            + "'; name the output file .svg or .png.");
        }
        ModelDesc desc = DescFiles.load(file);
        if (png) {
            byte[] bytes = CellDrawing.png(desc, cell, Algorithms.installed().opRegistry());
            AtomicFiles.write(output, out -> out.write(bytes));
        } else {
            AtomicFiles.writeString(
                    output, CellDrawing.svg(desc, cell, Algorithms.installed().opRegistry()));
        }
        spec.commandLine()
                .getOut()
                .println("Drew the " + cell + " cell(s) of " + file + " to " + output + ".");
        return 0;
    }
}
