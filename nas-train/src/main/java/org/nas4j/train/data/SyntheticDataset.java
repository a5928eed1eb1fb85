package org.nas4j.train.data;

import java.util.SplittableRandom;

/**
 * Generates a small dataset a tiny network can learn: each class is a fixed random pattern and a
 * sample is its class pattern plus Gaussian noise, scaled to 0..255.
 *
 * <p>Patterns are drawn at half resolution and upsampled, so they have spatial structure that a
 * convolution sees. The patterns depend only on the seed, so train and test share them; the noise
 * of the two splits comes from different streams.
 */
final class SyntheticDataset {
    /** Standard deviation of the noise, in 0..1 pixel units. */
    static final double NOISE = 0.15;

    private SyntheticDataset() {}

    /** The train ({@code n_train} samples) or test ({@code n_test}) split for the spec and seed. */
    static InMemoryDataset generate(DatasetSpec spec, boolean train, long seed) {
        int n = train ? spec.nTrain() : spec.nTest();
        int c = spec.channels();
        int side = spec.imgSize();
        int imageBytes = c * side * side;
        double[][] templates = templates(spec, seed);
        SplittableRandom rng =
                new SplittableRandom(Seeds.mix(seed, Seeds.SYNTHETIC, train ? 1 : 2));
        byte[] pixels = new byte[Math.multiplyExact(n, imageBytes)];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int label = i % spec.nClasses(); // balanced classes
            labels[i] = label;
            double[] t = templates[label];
            for (int p = 0; p < imageBytes; p++) {
                double v = t[p] + NOISE * rng.nextGaussian();
                pixels[i * imageBytes + p] = (byte) Math.round(255 * Math.min(1, Math.max(0, v)));
            }
        }
        return new InMemoryDataset(
                spec.name() + "/" + (train ? "train" : "test"),
                pixels,
                0,
                labels,
                c,
                side,
                side,
                spec.nClasses());
    }

    /** One pattern per class, values in 0..1, CHW order. */
    static double[][] templates(DatasetSpec spec, long seed) {
        int c = spec.channels();
        int side = spec.imgSize();
        int coarse = (side + 1) / 2;
        SplittableRandom rng = new SplittableRandom(Seeds.mix(seed, Seeds.SYNTHETIC, 0));
        double[][] out = new double[spec.nClasses()][c * side * side];
        for (double[] t : out) {
            double[] low = new double[c * coarse * coarse];
            for (int i = 0; i < low.length; i++) {
                low[i] = rng.nextDouble();
            }
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        t[(ch * side + y) * side + x] = low[(ch * coarse + y / 2) * coarse + x / 2];
                    }
                }
            }
        }
        return out;
    }
}
