package org.nas4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nas desc}: the group of commands that make, check and show model descriptions. */
@Command(
        name = "desc",
        description =
                "Build, validate, show, draw and convert model descriptions (ModelDesc JSON files).",
        commandListHeading = "%nCommands:%n",
        subcommands = {
            DescBuildCommand.class,
            DescValidateCommand.class,
            DescShowCommand.class,
            DescDrawCommand.class,
            DescFromGenotypeCommand.class,
            DescFromNb101Command.class,
            DescToGenotypeCommand.class,
            DescImportCommand.class
        })
final class DescCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    /** {@code nas desc} without a subcommand: the usage on stderr and the usage exit code. */
    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        cmd.getErr().println("nas: 'nas desc' needs a command.");
        cmd.usage(cmd.getErr());
        return spec.exitCodeOnInvalidInput();
    }
}
