package org.nas4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.nas4j.cli.export.ModelExporter;
import org.nas4j.core.NasException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas export --exp DIR -o OUTDIR}: the final network as a directory DJL loads. */
@Command(
        name = "export",
        description = {
            "Export the evaluated network of an experiment as a directory a plain DJL program"
                    + " loads: model_desc.json, the weights in DJL's format, export.json and a"
                    + " README of how to load it.",
            ""
        })
final class ExportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--exp",
            required = true,
            paramLabel = "DIR",
            description = "Experiment directory written by 'nas run', e.g. runs/darts_toy.")
    Path expDir;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "OUTDIR",
            description = "Directory to write the export into (created if needed; must be empty).")
    Path output;

    @Option(
            names = "--force",
            description = "Write into a directory that is not empty, replacing the export's files.")
    boolean force;

    @Override
    public Integer call() {
        if (!force && Files.isDirectory(output)) {
            try (Stream<Path> s = Files.list(output)) {
                if (s.findAny().isPresent()) {
                    throw new NasException(
                            "The export directory "
                                    + output
                                    + " is not empty; the export would overwrite files there"
                                    + " (model_desc.json, export.json, README.md, the weights)."
                                    + " Give an empty or new directory, or --force.");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not list " + output, e);
            }
        }
        Map<String, Object> facts = ModelExporter.export(expDir, output);
        spec.commandLine()
                .getOut()
                .println(
                        "Exported the eval network of "
                                + expDir
                                + " to "
                                + output
                                + " ("
                                + facts.get("params_file")
                                + ", model_desc.json, export.json, README.md).");
        return 0;
    }
}
