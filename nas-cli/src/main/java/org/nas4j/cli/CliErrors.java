package org.nas4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.nas4j.core.NasException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints errors the way a user wants them: one sentence on stderr and a non-zero exit code.
 *
 * <p>A {@link NasException} already carries a full sentence naming the bad value and what would be
 * valid, so it is printed as it is. I/O errors are given a sentence naming the file, and the
 * machine's limits (heap, libtorch allocations) one saying what to change ({@link ResourceErrors}).
 * Anything else is a bug in nas4j and says so. With {@code --debug} the stack trace follows the
 * message.
 */
final class CliErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {
    /** Exit code of a command that failed on bad input, a bad conf or a file problem. */
    public static final int EXIT_ERROR = 1;

    /** Exit code of an unexpected failure (a bug). */
    static final int EXIT_INTERNAL = 70;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        boolean internal =
                !(ex instanceof NasException)
                        && ioCause(ex) == null
                        && ResourceErrors.allocationFailure(ex) == null;
        err.println("nas: " + message(ex));
        if (isDebug(parsed)) {
            ex.printStackTrace(err);
        } else if (internal) {
            err.println("(this is a bug in nas4j; rerun with --debug for the stack trace)");
        }
        err.flush();
        return internal ? EXIT_INTERNAL : EXIT_ERROR;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("nas: " + ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * The message for {@code ex}: a {@link NasException}'s own sentence, else one line (control
     * characters a damaged file may bring replaced, see {@link ResourceErrors#printable}).
     */
    static String message(Throwable ex) {
        if (ex instanceof NasException) {
            return ResourceErrors.printable(ex.getMessage(), false);
        }
        IOException io = ioCause(ex);
        if (io != null) {
            return ResourceErrors.printable(ioMessage(io, ex), true);
        }
        String allocation = ResourceErrors.allocationFailure(ex);
        if (allocation != null) {
            return allocation;
        }
        return "unexpected error: " + ResourceErrors.printable(ex.toString(), true);
    }

    private static String ioMessage(IOException io, Throwable outer) {
        if (io instanceof NoSuchFileException e) {
            return "No such file or directory: " + e.getFile() + ".";
        }
        if (io instanceof AccessDeniedException e) {
            return "Permission denied: " + e.getFile() + ".";
        }
        if (io instanceof FileSystemException e && e.getReason() != null) {
            return e.getReason() + ": " + e.getFile() + ".";
        }
        // An UncheckedIOException from nas4j's own code names the file in its message.
        if (outer instanceof UncheckedIOException && outer.getMessage() != null) {
            return outer.getMessage();
        }
        return "I/O error: " + io.getMessage();
    }

    private static IOException ioCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
            if (t instanceof NasException) {
                return null;
            }
        }
        return null;
    }

    /** Whether {@code --debug} was given to {@code nas} or any of its subcommands. */
    private static boolean isDebug(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(NasCli.DEBUG_OPTION)) {
                return true;
            }
        }
        return false;
    }
}
