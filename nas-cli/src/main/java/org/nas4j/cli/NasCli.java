package org.nas4j.cli;

import java.util.concurrent.Callable;
import org.nas4j.trials.TrialProcess;
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
            CompareCommand.class,
            SweepCommand.class,
            RetrainCommand.class,
            PredictCommand.class,
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
            description =
                    "Print the stack trace of an error, not just its message, and the log lines"
                            + " of nas4j and DJL.")
    boolean debug;

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains(DEBUG_OPTION)) {
            // before the first logger exists: simplelogger.properties keeps libraries quiet
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "info");
        }
        exitWithParent(System.getenv(TrialProcess.PARENT_PID_ENV));
        System.exit(commandLine().execute(args));
    }

    /**
     * A trial's process ends itself when the process that started it (a Spark executor, the local
     * pool) is gone, so that the retry of its task finds the experiment directory free.
     */
    static void exitWithParent(String parentPid) {
        if (parentPid == null || parentPid.isBlank()) {
            return;
        }
        long pid = Long.parseLong(parentPid.trim());
        Thread t =
                new Thread(
                        () -> {
                            while (ProcessHandle.of(pid)
                                    .map(ProcessHandle::isAlive)
                                    .orElse(false)) {
                                try {
                                    Thread.sleep(500);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                            System.err.println(
                                    "nas: the process that started this trial (pid "
                                            + pid
                                            + ") is gone; stopping.");
                            Runtime.getRuntime().halt(143);
                        },
                        "parent-watch");
        t.setDaemon(true);
        t.start();
    }

    /** A picocli command line for {@code nas} with nas4j's error handling installed. */
    public static CommandLine commandLine() {
        CliErrors errors = new CliErrors();
        CommandLine cmd =
                new CommandLine(new NasCli())
                        .setExecutionStrategy(ResourceErrors::execute)
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
