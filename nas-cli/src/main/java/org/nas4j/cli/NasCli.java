package org.nas4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code nas} command: entry point of the launcher script and parent of every subcommand.
 *
 * <p>Use {@link #commandLine()} rather than {@code new CommandLine(new NasCli())}: it installs the
 * error handling that turns a {@link org.nas4j.core.NasException} or an I/O error into one line on
 * stderr and a non-zero exit code ({@code --debug} adds the stack trace).
 *
 * <pre>{@code
 * int exit = NasCli.commandLine().execute("conf", "--algo", "darts");
 * }</pre>
 */
@Command(
        name = "nas",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = NasVersion.class,
        usageHelpAutoWidth = true,
        description = {
            "nas4j: neural architecture search on the JVM (Archai-style DARTS on DJL + PyTorch).",
            ""
        },
        commandListHeading = "%nCommands:%n",
        subcommands = {
            RunCommand.class,
            SearchCommand.class,
            EvalCommand.class,
            BenchCommand.class,
            ConfCommand.class,
            DescCommand.class,
            OpsCommand.class,
            AlgosCommand.class,
            ExportCommand.class,
            ReportCommand.class,
            HelpCommand.class
        })
public final class NasCli implements Callable<Integer> {
    /** The option that turns one-line error messages into stack traces. */
    static final String DEBUG_OPTION = "--debug";

    private static final String[] FOOTER = {
        "",
        "Commands that read an algorithm's conf accept overrides of any conf key:",
        "  nas conf --algo darts --nas.search.trainer.epochs 1",
        "Run 'nas COMMAND --help' for the options of a command."
    };

    @Spec CommandSpec spec;

    @Option(
            names = DEBUG_OPTION,
            scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error, not just its message.")
    boolean debug;

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** A picocli command line for {@code nas} with nas4j's error handling installed. */
    public static CommandLine commandLine() {
        CliErrors errors = new CliErrors();
        CommandLine cmd =
                new CommandLine(new NasCli())
                        .setExecutionExceptionHandler(errors)
                        .setParameterExceptionHandler(errors);
        // Set here, not in @Command: subcommands inherit the root's annotated attributes.
        cmd.getCommandSpec().usageMessage().footer(FOOTER);
        return cmd;
    }

    /** {@code nas} without a command: the usage on stderr and the usage exit code. */
    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        cmd.getErr().println("nas: a command is required.");
        cmd.usage(cmd.getErr());
        return spec.exitCodeOnInvalidInput();
    }
}
