package org.nas4j.train.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.NasException;

/**
 * Reads the binary versions of CIFAR-10 ({@code data_batch_1..5.bin}, {@code test_batch.bin}: a
 * label byte then 3072 pixel bytes per record) and CIFAR-100 ({@code train.bin}, {@code test.bin}:
 * coarse and fine label bytes then 3072 pixel bytes; the fine label is used). Format: <a
 * href="https://www.cs.toronto.edu/~kriz/cifar.html">cs.toronto.edu/~kriz/cifar.html</a>.
 */
final class CifarReader {
    private static final int SIDE = 32;
    private static final int PIXELS = 3 * SIDE * SIDE;

    private CifarReader() {}

    /** CIFAR-10 train (five batch files) or test split from the spec's dataroot. */
    static InMemoryDataset readCifar10(DatasetSpec spec, boolean train) {
        List<String> names = new ArrayList<>();
        if (train) {
            for (int i = 1; i <= 5; i++) {
                names.add("data_batch_" + i + ".bin");
            }
        } else {
            names.add("test_batch.bin");
        }
        return read(spec, train, names, 1);
    }

    /** CIFAR-100 train or test split (fine labels) from the spec's dataroot. */
    static InMemoryDataset readCifar100(DatasetSpec spec, boolean train) {
        return read(spec, train, List.of(train ? "train.bin" : "test.bin"), 2);
    }

    private static InMemoryDataset read(
            DatasetSpec spec, boolean train, List<String> names, int labelBytes) {
        checkShape(spec);
        Path dir = spec.dataDir();
        DataFiles.requireDir(dir, spec.name());
        int record = labelBytes + PIXELS;
        List<byte[]> contents = new ArrayList<>();
        long total = 0;
        for (String name : names) {
            Path file = DataFiles.find(dir, name, spec.name());
            byte[] bytes = DataFiles.readAll(file);
            if (bytes.length == 0 || bytes.length % record != 0) {
                throw new NasException(
                        "The "
                                + spec.name()
                                + " file "
                                + file
                                + " holds "
                                + bytes.length
                                + " bytes, which is not a positive multiple of the "
                                + record
                                + "-byte record ("
                                + labelBytes
                                + " label byte(s) + 3072 pixel bytes): the file is truncated,"
                                + " corrupt or of the other CIFAR variant.");
            }
            contents.add(bytes);
            total += bytes.length / record;
        }
        byte[] pixels = new byte[Math.multiplyExact((int) total, PIXELS)];
        int[] labels = new int[(int) total];
        int k = 0;
        for (byte[] bytes : contents) {
            // The fine label is the last label byte in both variants.
            for (int r = 0; r < bytes.length; r += record, k++) {
                labels[k] = bytes[r + labelBytes - 1] & 0xff;
                System.arraycopy(bytes, r + labelBytes, pixels, k * PIXELS, PIXELS);
            }
        }
        return new InMemoryDataset(
                spec.name() + "/" + (train ? "train" : "test"),
                pixels,
                0,
                labels,
                3,
                SIDE,
                SIDE,
                spec.nClasses());
    }

    private static void checkShape(DatasetSpec spec) {
        if (spec.channels() != 3 || spec.imgSize() != SIDE) {
            throw new NasException(
                    "CIFAR images are 3x32x32 but the conf says dataset.channels = "
                            + spec.channels()
                            + " and dataset.img_size = "
                            + spec.imgSize()
                            + ".");
        }
    }
}
