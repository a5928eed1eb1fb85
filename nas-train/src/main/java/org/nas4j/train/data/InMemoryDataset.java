package org.nas4j.train.data;

import java.util.Objects;
import org.nas4j.core.NasException;

/**
 * A {@link Dataset} over one byte array of consecutive CHW images, e.g. an IDX file's contents
 * after its header, so a loaded file is used without copying.
 */
public final class InMemoryDataset implements Dataset {
    private final String name;
    private final byte[] pixels;
    private final int offset;
    private final int[] labels;
    private final int channels;
    private final int height;
    private final int width;
    private final int nClasses;

    /**
     * Wraps {@code pixels[offset ..]} as {@code labels.length} images of {@code c*h*w} bytes.
     *
     * @throws NasException when the array is too short or a label is outside {@code 0..nClasses-1}
     */
    public InMemoryDataset(
            String name,
            byte[] pixels,
            int offset,
            int[] labels,
            int channels,
            int height,
            int width,
            int nClasses) {
        this.name = Objects.requireNonNull(name);
        this.pixels = Objects.requireNonNull(pixels);
        this.offset = offset;
        this.labels = labels.clone();
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.nClasses = nClasses;
        long needed = offset + (long) labels.length * channels * height * width;
        if (channels < 1 || height < 1 || width < 1 || offset < 0 || needed > pixels.length) {
            throw new NasException(
                    "Dataset "
                            + name
                            + " needs "
                            + needed
                            + " pixel bytes for "
                            + labels.length
                            + " images of "
                            + channels
                            + "x"
                            + height
                            + "x"
                            + width
                            + " but has "
                            + pixels.length
                            + ".");
        }
        for (int i = 0; i < this.labels.length; i++) {
            int label = this.labels[i];
            if (label < 0 || label >= nClasses) {
                throw new NasException(
                        "Dataset "
                                + name
                                + " has label "
                                + label
                                + " at sample "
                                + i
                                + " but labels must be in 0.."
                                + (nClasses - 1)
                                + " (dataset.n_classes = "
                                + nClasses
                                + ").");
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int nClasses() {
        return nClasses;
    }

    @Override
    public int label(int i) {
        return labels[i];
    }

    @Override
    public void copyImage(int i, byte[] dst, int dstOffset) {
        Objects.checkIndex(i, labels.length);
        int bytes = imageBytes();
        System.arraycopy(pixels, offset + i * bytes, dst, dstOffset, bytes);
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public String toString() {
        return name + " (" + size() + " images " + channels + "x" + height + "x" + width + ")";
    }
}
