package org.nas4j.train.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.nas4j.core.NasException;

/** Finding and reading dataset files, with messages that say what is missing and how to get it. */
final class DataFiles {
    /** Debian's Fashion-MNIST directory, the project's default dataroot. */
    static final Path DEFAULT_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    private static final String APT_HINT =
            " Run 'apt-get install dataset-fashion-mnist' (Debian) to install it there,"
                    + " or set dataset.dataroot to a directory holding the files.";

    private DataFiles() {}

    /** Fails with a clear message unless {@code dir} is a directory. */
    static void requireDir(Path dir, String datasetName) {
        if (!Files.isDirectory(dir)) {
            throw new NasException(
                    "The "
                            + datasetName
                            + " directory "
                            + dir
                            + " (dataset.dataroot) does not exist or is not a directory."
                            + hint(dir));
        }
    }

    /**
     * The file {@code base} or {@code base.gz} in {@code dir}, preferring the uncompressed one.
     *
     * @throws NasException naming both paths when neither exists
     */
    static Path findPlainOrGz(Path dir, String base, String datasetName) {
        Path plain = dir.resolve(base);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = dir.resolve(base + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new NasException(
                "The "
                        + datasetName
                        + " file "
                        + base
                        + " is missing: neither "
                        + plain
                        + " nor "
                        + gz
                        + " exists."
                        + hint(dir));
    }

    /** The file {@code name} in {@code dir}, which must exist. */
    static Path find(Path dir, String name, String datasetName) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new NasException(
                    "The " + datasetName + " file " + file + " is missing." + hint(dir));
        }
        return file;
    }

    private static String hint(Path dir) {
        return dir.toAbsolutePath().normalize().equals(DEFAULT_FASHION_MNIST) ? APT_HINT : "";
    }

    /**
     * Largest dataset file nas4j reads, after decompression: 1 GiB. A split is held in memory; the
     * largest file of the datasets it knows, CIFAR-100's {@code train.bin}, is 150 MB.
     */
    static final long MAX_BYTES = 1L << 30;

    /**
     * The whole (decompressed, when the name ends in {@code .gz}) content of {@code file}, at most
     * {@link #MAX_BYTES}.
     *
     * @throws NasException naming the file when it is not a regular file, is larger, or cannot be
     *     read
     */
    static byte[] readAll(Path file) {
        long plain = plainSize(file);
        byte[] bytes =
                plain >= 0 && plain <= MAX_BYTES
                        ? readExpecting(file, plain)
                        : read(file, MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new NasException(
                    "The dataset file "
                            + file
                            + " holds more than "
                            + (MAX_BYTES >> 30)
                            + " GiB"
                            + (gz(file) ? " once decompressed" : "")
                            + ", the most nas4j reads into memory: it is not a dataset file"
                            + " nas4j knows.");
        }
        return bytes;
    }

    /**
     * The first {@code n} bytes (decompressed) of {@code file}, fewer when it is shorter: a file
     * whose header says how long it must be is then read with {@link #readExpecting}, so that a
     * gzip bomb stops at the size it claims.
     */
    static byte[] read(Path file, long n) {
        try (InputStream in = open(file)) {
            return in.readNBytes((int) Math.min(n, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** The size of an uncompressed regular file, -1 for a gzip file or one that cannot be sized. */
    private static long plainSize(Path file) {
        if (gz(file) || !Files.isRegularFile(file)) {
            return -1;
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1; // reading it names the problem
        }
    }

    /** {@code file} as a stream of its (decompressed, for {@code .gz}) bytes. */
    private static InputStream open(Path file) throws IOException {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new NasException(
                    "The dataset file "
                            + file
                            + " is not a regular file (a directory, device or pipe).");
        }
        InputStream raw = Files.newInputStream(file);
        try {
            return gz(file)
                    ? new GZIPInputStream(new BufferedInputStream(raw, 1 << 16), 1 << 16)
                    : raw;
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /** A truncated gzip stream ends in EOFException, a damaged one in ZipException. */
    private static NasException unreadable(Path file, IOException e) {
        return new NasException(
                "Could not read dataset file "
                        + file
                        + ": "
                        + e
                        + ". The file is truncated or corrupt; reinstall or re-download it.",
                e);
    }

    /**
     * The (decompressed) content of {@code file}, which should hold exactly {@code size} bytes:
     * read straight into an array of that size, so that a dataset the size of the heap's young
     * generation or more leaves no copies behind (reading in chunks and joining them left the Java
     * heap holding about twice the dataset's size in garbage, which G1 keeps as resident memory for
     * the rest of the run). A shorter file gives its shorter content, a longer one {@code size + 1}
     * bytes, for the caller's size check to name.
     */
    static byte[] readExpecting(Path file, long size) {
        if (size < 0 || size > MAX_BYTES) {
            throw new IllegalArgumentException("size " + size + " out of [0, " + MAX_BYTES + "]");
        }
        try (InputStream in = open(file)) {
            byte[] bytes = new byte[(int) size];
            int n = in.readNBytes(bytes, 0, bytes.length);
            if (n < bytes.length) {
                return Arrays.copyOf(bytes, n);
            }
            return in.read() < 0 ? bytes : Arrays.copyOf(bytes, bytes.length + 1);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static boolean gz(Path file) {
        return file.getFileName().toString().endsWith(".gz");
    }
}
