package org.nas4j.train.data;

/**
 * Labelled images held in memory as unsigned bytes (0..255) in CHW order.
 *
 * <p>Implementations must allow concurrent reads: loader workers call {@link #copyImage} from
 * several threads.
 */
public interface Dataset {
    /** Short name for logs, e.g. {@code fashion_mnist/train}. */
    String name();

    /** Number of samples. */
    int size();

    /** Image channels. */
    int channels();

    /** Image height in pixels. */
    int height();

    /** Image width in pixels. */
    int width();

    /** Number of classes; every label is in {@code 0..nClasses-1}. */
    int nClasses();

    /** Class of sample {@code i}. */
    int label(int i);

    /** Copies the {@code channels*height*width} bytes of sample {@code i} into {@code dst}. */
    void copyImage(int i, byte[] dst, int offset);

    /** Bytes of one image. */
    default int imageBytes() {
        return channels() * height() * width();
    }

    /** A copy of sample {@code i}'s pixels (CHW, unsigned bytes). */
    default byte[] image(int i) {
        byte[] out = new byte[imageBytes()];
        copyImage(i, out, 0);
        return out;
    }

    /** A copy of every label, in sample order. */
    default int[] labels() {
        int[] out = new int[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = label(i);
        }
        return out;
    }
}
