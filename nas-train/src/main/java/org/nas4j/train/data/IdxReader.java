package org.nas4j.train.data;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.nas4j.core.NasException;

/**
 * Reads MNIST-style IDX files ({@code train-images-idx3-ubyte[.gz]}, {@code
 * train-labels-idx1-ubyte[.gz]}, {@code t10k-...}), checking magic numbers, dimensions and exact
 * sizes. Format: <a href="http://yann.lecun.com/exdb/mnist/">yann.lecun.com/exdb/mnist</a>.
 */
public final class IdxReader {
    static final int IMAGES_MAGIC = 2051;
    static final int LABELS_MAGIC = 2049;
    private static final int IMAGES_HEADER = 16;
    private static final int LABELS_HEADER = 8;

    private IdxReader() {}

    /**
     * The train ({@code train-*}) or test ({@code t10k-*}) split of the IDX files in the spec's
     * dataroot.
     */
    static InMemoryDataset read(DatasetSpec spec, boolean train) {
        Path dir = spec.dataDir();
        DataFiles.requireDir(dir, spec.name());
        String prefix = train ? "train" : "t10k";
        Path imagesFile = DataFiles.findPlainOrGz(dir, prefix + "-images-idx3-ubyte", spec.name());
        Path labelsFile = DataFiles.findPlainOrGz(dir, prefix + "-labels-idx1-ubyte", spec.name());
        byte[] images = readIdx(imagesFile, IMAGES_HEADER);
        int n = checkImages(imagesFile, images, spec);
        int[] labels = readLabels(labelsFile, readIdx(labelsFile, LABELS_HEADER), n);
        return new InMemoryDataset(
                spec.name() + "/" + (train ? "train" : "test"),
                images,
                IMAGES_HEADER,
                labels,
                1,
                spec.imgSize(),
                spec.imgSize(),
                spec.nClasses());
    }

    /**
     * The images of one IDX image file ({@code idx3-ubyte}, gzipped or not), without labels (all
     * 0), for prediction; their size must be the spec's.
     *
     * @throws NasException naming the file when it is not such a file or its images do not fit
     */
    public static InMemoryDataset readImages(Path file, DatasetSpec spec) {
        byte[] images = readIdx(file, IMAGES_HEADER);
        int n = checkImages(file, images, spec);
        return new InMemoryDataset(
                file.getFileName().toString(),
                images,
                IMAGES_HEADER,
                new int[n],
                1,
                spec.imgSize(),
                spec.imgSize(),
                spec.nClasses());
    }

    /**
     * The bytes of an IDX file whose header is {@code header} bytes long (16: images, 8: labels),
     * reading no more than one byte past the size its header claims, so that a file (or gzip
     * stream) far longer than it says ends in the size check rather than filling memory.
     */
    private static byte[] readIdx(Path file, int header) {
        byte[] head = DataFiles.read(file, header);
        if (head.length < header) {
            return head; // the header check names the file as truncated
        }
        ByteBuffer b = ByteBuffer.wrap(head);
        long size = b.getInt(4);
        for (int i = 8; i < header; i += 4) {
            size *= Math.max(0, b.getInt(i)); // rows and cols of images
        }
        if (size < 0) {
            return head; // a negative count: the header check names it
        }
        if (header + size > DataFiles.MAX_BYTES) {
            throw new NasException(
                    "The IDX file "
                            + file
                            + " says in its header that it holds "
                            + (header + size)
                            + " bytes, more than the "
                            + (DataFiles.MAX_BYTES >> 30)
                            + " GiB nas4j reads into memory: the header is corrupt or the file is"
                            + " not a dataset nas4j knows.");
        }
        return DataFiles.readExpecting(file, header + size);
    }

    /** Validates an image file's header and size against the spec; returns the image count. */
    private static int checkImages(Path file, byte[] bytes, DatasetSpec spec) {
        requireHeader(file, bytes, IMAGES_HEADER, "an IDX image file (idx3-ubyte)");
        ByteBuffer header = ByteBuffer.wrap(bytes); // IDX is big-endian, ByteBuffer's default
        requireMagic(file, header.getInt(0), IMAGES_MAGIC, "an IDX image file (idx3-ubyte)");
        int n = header.getInt(4);
        int rows = header.getInt(8);
        int cols = header.getInt(12);
        long expected = IMAGES_HEADER + (long) n * rows * cols;
        if (n < 0 || rows < 1 || cols < 1 || bytes.length != expected) {
            throw new NasException(
                    "The IDX image file "
                            + file
                            + " holds "
                            + (n >= 0 && bytes.length > expected
                                    ? "more than " + expected
                                    : bytes.length)
                            + " bytes but its header ("
                            + n
                            + " images of "
                            + rows
                            + "x"
                            + cols
                            + ") needs exactly "
                            + expected
                            + " bytes (16-byte header + one byte per pixel): the file is"
                            + " truncated or corrupt.");
        }
        if (spec.channels() != 1 || rows != spec.imgSize() || cols != spec.imgSize()) {
            throw new NasException(
                    "The IDX image file "
                            + file
                            + " holds 1-channel "
                            + rows
                            + "x"
                            + cols
                            + " images but the conf says dataset.channels = "
                            + spec.channels()
                            + " and dataset.img_size = "
                            + spec.imgSize()
                            + ".");
        }
        return n;
    }

    private static int[] readLabels(Path file, byte[] bytes, int nImages) {
        requireHeader(file, bytes, LABELS_HEADER, "an IDX label file (idx1-ubyte)");
        ByteBuffer header = ByteBuffer.wrap(bytes);
        requireMagic(file, header.getInt(0), LABELS_MAGIC, "an IDX label file (idx1-ubyte)");
        int n = header.getInt(4);
        if (n != nImages) {
            throw new NasException(
                    "The IDX label file "
                            + file
                            + " has "
                            + n
                            + " labels but its image file has "
                            + nImages
                            + " images; the two files must come from the same split.");
        }
        long expected = LABELS_HEADER + (long) n;
        if (bytes.length != expected) {
            throw new NasException(
                    "The IDX label file "
                            + file
                            + " holds "
                            + (n >= 0 && bytes.length > expected
                                    ? "more than " + expected
                                    : bytes.length)
                            + " bytes but its header ("
                            + n
                            + " labels) needs exactly "
                            + expected
                            + " bytes (8-byte header + one byte per label): the file is truncated"
                            + " or corrupt.");
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = bytes[LABELS_HEADER + i] & 0xff;
        }
        return labels;
    }

    private static void requireHeader(Path file, byte[] bytes, int header, String what) {
        if (bytes.length < header) {
            throw new NasException(
                    "The file "
                            + file
                            + " holds "
                            + bytes.length
                            + " bytes, fewer than the "
                            + header
                            + "-byte header of "
                            + what
                            + ": it is truncated or not an IDX file.");
        }
    }

    private static void requireMagic(Path file, int magic, int expected, String what) {
        if (magic != expected) {
            throw new NasException(
                    "The file "
                            + file
                            + " starts with magic number "
                            + magic
                            + " but "
                            + what
                            + " starts with "
                            + expected
                            + ": wrong file or corrupt data.");
        }
    }
}
