package org.nas4j.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nas4j.core.NasException;
import org.nas4j.core.io.TextFiles;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.ParseResult;

/**
 * Failures of the machine rather than of nas4j, as one sentence each: the Java heap running out,
 * libtorch failing to allocate a tensor, a message holding control characters from a damaged file.
 * {@link CliErrors} prints them.
 */
final class ResourceErrors {
    /** Longest message of a non-nas4j exception printed; the rest is cut off. */
    static final int MAX_FOREIGN_MESSAGE = 400;

    private static final Pattern TRIED =
            Pattern.compile("(?i)tried to allocate ([0-9.]+)\\s*(bytes|KiB|MiB|GiB|TiB)?");

    private ResourceErrors() {}

    /**
     * Runs the parsed command as picocli's {@code RunLast} does, but turns an {@link
     * OutOfMemoryError} into a message naming the heap and how to raise it, and a {@link
     * StackOverflowError} into an internal error, instead of letting them end the JVM with a stack
     * trace.
     */
    static int execute(ParseResult parsed) {
        CommandLine cmd = last(parsed);
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (OutOfMemoryError e) {
            throw new ExecutionException(cmd, "out of memory", new NasException(heap(e), e));
        } catch (StackOverflowError e) {
            throw new ExecutionException(
                    cmd, "stack overflow", new IllegalStateException("stack overflow", e));
        }
    }

    private static CommandLine last(ParseResult parsed) {
        ParseResult p = parsed;
        while (p.subcommand() != null) {
            p = p.subcommand();
        }
        return p.commandSpec().commandLine();
    }

    private static String heap(OutOfMemoryError e) {
        return "The Java heap ran out of memory ("
                + e.getMessage()
                + ", at most "
                + TextFiles.human(Runtime.getRuntime().maxMemory())
                + "): the input is larger than nas4j can hold. Give it a smaller input, or raise"
                + " the heap with NAS_XMX (e.g. NAS_XMX=8g ./nas ...).";
    }

    /**
     * The message for a tensor libtorch could not allocate ({@code DefaultCPUAllocator: can't
     * allocate memory}, {@code CUDA out of memory}) anywhere in {@code ex}'s causes, or null when
     * {@code ex} is no such failure.
     */
    static String allocationFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m == null) {
                continue;
            }
            String lower = m.toLowerCase(Locale.ROOT);
            if (lower.contains("can't allocate memory") || lower.contains("out of memory")) {
                Matcher tried = TRIED.matcher(m);
                String size = tried.find() ? size(tried.group(1), tried.group(2)) : "a tensor";
                return "libtorch could not allocate "
                        + size
                        + ": the network or its batch does not fit in this machine's memory."
                        + " Lower nas.<phase>.loader.batch, model_desc.init_node_ch or n_cells,"
                        + " or raise trainer.batch_chunks (smaller passes, the same batch).";
            }
        }
        return null;
    }

    private static String size(String number, String unit) {
        if (unit == null || unit.equalsIgnoreCase("bytes")) {
            try {
                return TextFiles.human(Long.parseLong(number));
            } catch (NumberFormatException e) {
                return number + " bytes";
            }
        }
        return number + " " + unit;
    }

    /**
     * {@code message} safe to print as part of one line: control characters (a damaged file's bytes
     * echoed by a parser) become {@code ?}; with {@code firstLineOnly} only the first line is kept,
     * cut at {@link #MAX_FOREIGN_MESSAGE} characters.
     */
    static String printable(String message, boolean firstLineOnly) {
        if (message == null) {
            return "";
        }
        String s = message;
        if (firstLineOnly) {
            int nl = s.indexOf('\n');
            s = nl < 0 ? s : s.substring(0, nl);
            if (s.length() > MAX_FOREIGN_MESSAGE) {
                s = s.substring(0, MAX_FOREIGN_MESSAGE) + "...";
            }
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\n' && c != '\t';
            b.append(control || c == '\uFFFD' ? '?' : c);
        }
        return b.toString().strip();
    }
}
