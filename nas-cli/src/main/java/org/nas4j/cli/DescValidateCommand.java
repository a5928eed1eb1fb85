package org.nas4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nas4j.core.desc.ModelDesc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas desc validate FILE}: loads and checks a model description, exit 0 when valid. */
@Command(
        name = "validate",
        description =
                "Check a model description file: format, version, known ops, inputs, channels.")
final class DescValidateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "ModelDesc JSON file.")
    Path file;

    @Override
    public Integer call() {
        ModelDesc desc = DescFiles.load(file);
        spec.commandLine()
                .getOut()
                .println(
                        file
                                + " is a valid nas4j model description ("
                                + DescFacts.oneLine(desc)
                                + ").");
        return 0;
    }
}
