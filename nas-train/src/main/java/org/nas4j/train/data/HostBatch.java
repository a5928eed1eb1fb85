package org.nas4j.train.data;

/**
 * A batch prepared on the host, ready to become NDArrays on the training thread.
 *
 * @param images {@code n*c*h*w} floats in NCHW order, normalised and augmented
 * @param labels {@code n} class indices
 * @param n batch size
 * @param c channels
 * @param h height
 * @param w width
 */
public record HostBatch(float[] images, int[] labels, int n, int c, int h, int w) {
    public HostBatch {
        if (images.length != (long) n * c * h * w || labels.length != n) {
            throw new IllegalArgumentException(
                    "Batch arrays do not match its shape ["
                            + n
                            + ","
                            + c
                            + ","
                            + h
                            + ","
                            + w
                            + "]: images has "
                            + images.length
                            + " values, labels "
                            + labels.length);
        }
    }
}
