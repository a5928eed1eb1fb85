package org.nas4j.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.nas4j.core.NasException;

/**
 * Reads the text files a user hands nas4j (descs, results, Archai YAML) with a size limit, so that
 * a wrong path ({@code /dev/zero}, a 3 GB log, a directory) ends in one message naming the file and
 * the limit instead of an {@link OutOfMemoryError}.
 *
 * <pre>{@code
 * String text = TextFiles.read(file, "model desc"); // at most MAX_BYTES
 * }</pre>
 */
public final class TextFiles {
    /**
     * Largest text file nas4j reads: 256 MiB. The largest files nas4j writes are supernet descs
     * with their architecture weights, about 100 KB for DARTS's 8 cells and a few MB at the largest
     * network its conf bounds allow.
     */
    public static final long MAX_BYTES = 256L << 20;

    private TextFiles() {}

    /** The UTF-8 text of {@code file}, at most {@link #MAX_BYTES}; {@code what} names it. */
    public static String read(Path file, String what) {
        return read(file, what, MAX_BYTES);
    }

    /**
     * The UTF-8 text of {@code file}.
     *
     * @param what what the file should hold (e.g. {@code model desc}), for messages
     * @param maxBytes the largest file accepted
     * @throws NasException naming the file when it is a directory, a device or pipe, or larger than
     *     {@code maxBytes}
     * @throws UncheckedIOException naming the file when it cannot be read (missing, no permission)
     */
    public static String read(Path file, String what, long maxBytes) {
        if (Files.isDirectory(file)) {
            throw new NasException(
                    "The " + what + " " + file + " is a directory; give the file itself.");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new NasException(
                    "The "
                            + what
                            + " "
                            + file
                            + " is not a regular file (a device, pipe or socket); nas4j reads "
                            + what
                            + "s from files only.");
        }
        try {
            if (Files.size(file) > maxBytes) {
                throw tooLarge(file, what, maxBytes, Files.size(file));
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                // a file still growing is cut off here rather than read without end
                bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            }
            if (bytes.length > maxBytes) {
                throw tooLarge(file, what, maxBytes, bytes.length);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    private static NasException tooLarge(Path file, String what, long max, long size) {
        return new NasException(
                "The "
                        + what
                        + " "
                        + file
                        + " holds "
                        + human(size)
                        + ", more than the "
                        + human(max)
                        + " nas4j reads; it is not a "
                        + what
                        + " nas4j wrote (check the path).");
    }

    /** {@code 3.0 GiB}, {@code 256 MiB}, {@code 12 KiB}, {@code 5 bytes}. */
    public static String human(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1L << 10) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
