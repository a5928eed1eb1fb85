package org.nas4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nas4j.core.archai.ArchaiImporter;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.search.Algorithms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas desc import FILE.yaml -o final.json}: converts an Archai model description. */
@Command(
        name = "import",
        description = {
            "Convert an Archai final_model_desc.yaml into a nas4j model description"
                    + " (read with a safe YAML loader: plain data only).",
            ""
        })
final class DescImportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.yaml", description = "Archai model desc YAML.")
    Path file;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "FILE",
            description = "Where to write the ModelDesc JSON.")
    Path output;

    @Option(
            names = "--img-size",
            paramLabel = "N",
            defaultValue = "32",
            description =
                    "Input height and width, which Archai does not record (default: ${DEFAULT-VALUE};"
                            + " 28 for (Fashion-)MNIST).")
    int imgSize;

    @Override
    public Integer call() {
        ModelDesc desc = ArchaiImporter.importFile(file, imgSize);
        DescOpsCheck.check(desc, Algorithms.installed().opRegistry(), file.toString());
        DescJson.save(desc, output);
        spec.commandLine()
                .getOut()
                .println(
                        "Imported "
                                + file
                                + " to "
                                + output
                                + " ("
                                + DescFacts.oneLine(desc)
                                + ").");
        return 0;
    }
}
