package org.nas4j.train.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Specs and small dataset files for the data tests. */
final class TestData {
    private TestData() {}

    static DatasetSpec spec(
            String name, String format, Path root, int channels, int side, int nClasses) {
        return spec(name, format, root, channels, side, nClasses, 0, false);
    }

    static DatasetSpec spec(
            String name,
            String format,
            Path root,
            int channels,
            int side,
            int nClasses,
            int cropPadding,
            boolean hflip) {
        List<Double> mean = java.util.Collections.nCopies(channels, 0.0);
        List<Double> std = java.util.Collections.nCopies(channels, 1.0);
        return new DatasetSpec(
                name,
                format,
                root == null ? "" : root.toString(),
                nClasses,
                channels,
                side,
                mean,
                std,
                cropPadding,
                hflip,
                0,
                0);
    }

    static DatasetSpec synthetic(int nTrain, int nTest, int nClasses, int side) {
        return new DatasetSpec(
                "synthetic",
                "generated",
                "",
                nClasses,
                1,
                side,
                List.of(0.0),
                List.of(1.0),
                0,
                false,
                nTrain,
                nTest);
    }

    /** IDX image file bytes: magic, count, rows, cols, pixels. */
    static byte[] idxImages(int magic, int n, int rows, int cols, byte[] pixels) {
        ByteBuffer b = ByteBuffer.allocate(16 + pixels.length);
        b.putInt(magic).putInt(n).putInt(rows).putInt(cols).put(pixels);
        return b.array();
    }

    /** IDX label file bytes: magic, count, labels. */
    static byte[] idxLabels(int magic, int[] labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(magic).putInt(labels.length);
        for (int label : labels) {
            b.put((byte) label);
        }
        return b.array();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return file;
    }

    /** Pixels whose value encodes image and position: {@code (i * 16 + p) % 251 + 1}. */
    static byte[] patternPixels(int n, int bytesPerImage) {
        byte[] out = new byte[n * bytesPerImage];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < bytesPerImage; p++) {
                out[i * bytesPerImage + p] = (byte) ((i * 16 + p) % 251 + 1);
            }
        }
        return out;
    }
}
