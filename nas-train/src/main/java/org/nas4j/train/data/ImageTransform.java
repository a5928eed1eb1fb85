package org.nas4j.train.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.nas4j.core.NasException;

/**
 * Turns one stored image into normalised floats, with the DARTS training augmentation when asked:
 * random crop after zero padding, random horizontal flip, then cutout.
 *
 * <p>Order and conventions follow DARTS's torchvision pipeline: the crop pads the raw image with
 * zeros (so padded pixels are black, i.e. {@code -mean/std} after normalisation), the flip mirrors
 * the cropped image with probability 1/2, normalisation {@code (v/255 - mean) / std} follows, and
 * cutout then sets a {@code cutout x cutout} square to 0 in normalised space on every channel, its
 * centre uniform over the image and the square clipped at the borders. Random choices come from the
 * caller's generator, which the loader seeds per (seed, epoch, batch).
 */
public final class ImageTransform {
    private final float[][] lut;
    private final int cropPadding;
    private final boolean hflip;
    private final int cutout;
    private final boolean augment;

    private ImageTransform(
            float[] mean,
            float[] std,
            int cropPadding,
            boolean hflip,
            int cutout,
            boolean augment) {
        if (mean.length != std.length) {
            throw new NasException(
                    "Normalisation needs one std per mean: got "
                            + mean.length
                            + " means and "
                            + std.length
                            + " stds.");
        }
        this.lut = new float[mean.length][256];
        for (int c = 0; c < mean.length; c++) {
            for (int v = 0; v < 256; v++) {
                lut[c][v] = (v / 255f - mean[c]) / std[c];
            }
        }
        this.cropPadding = cropPadding;
        this.hflip = hflip;
        this.cutout = cutout;
        this.augment = augment;
    }

    /** Normalisation only, for validation and test batches. */
    public static ImageTransform plain(DatasetSpec spec) {
        return new ImageTransform(spec.meanArray(), spec.stdArray(), 0, false, 0, false);
    }

    /**
     * Normalisation plus the spec's crop and flip and a cutout of {@code cutout} pixels (0 = off).
     */
    public static ImageTransform augmenting(DatasetSpec spec, int cutout) {
        return new ImageTransform(
                spec.meanArray(), spec.stdArray(), spec.cropPadding(), spec.hflip(), cutout, true);
    }

    /**
     * Writes sample {@code index} of {@code dataset} as {@code c*h*w} floats at {@code
     * dst[offset]}.
     *
     * @param scratch a buffer of at least {@code dataset.imageBytes()} bytes, reused across calls
     */
    public void apply(
            Dataset dataset,
            int index,
            float[] dst,
            int offset,
            SplittableRandom rng,
            byte[] scratch) {
        int c = dataset.channels();
        int h = dataset.height();
        int w = dataset.width();
        if (c != lut.length) {
            throw new NasException(
                    "Dataset "
                            + dataset.name()
                            + " has "
                            + c
                            + " channels but normalisation was given "
                            + lut.length
                            + " (dataset.mean / dataset.std).");
        }
        dataset.copyImage(index, scratch, 0);
        int dy = 0;
        int dx = 0;
        if (augment && cropPadding > 0) {
            dy = rng.nextInt(2 * cropPadding + 1) - cropPadding;
            dx = rng.nextInt(2 * cropPadding + 1) - cropPadding;
        }
        boolean flip = augment && hflip && rng.nextBoolean();
        int hw = h * w;
        for (int ch = 0; ch < c; ch++) {
            float[] table = lut[ch];
            float padValue = table[0];
            int src = ch * hw;
            int out = offset + ch * hw;
            for (int y = 0; y < h; y++, out += w) {
                int sy = y + dy;
                if (sy < 0 || sy >= h) {
                    Arrays.fill(dst, out, out + w, padValue);
                    continue;
                }
                int row = src + sy * w;
                for (int x = 0; x < w; x++) {
                    int sx = (flip ? w - 1 - x : x) + dx;
                    dst[out + x] = sx < 0 || sx >= w ? padValue : table[scratch[row + sx] & 0xff];
                }
            }
        }
        if (augment && cutout > 0) {
            applyCutout(dst, offset, c, h, w, rng);
        }
    }

    private void applyCutout(float[] dst, int offset, int c, int h, int w, SplittableRandom rng) {
        int cy = rng.nextInt(h);
        int cx = rng.nextInt(w);
        int y1 = Math.max(0, cy - cutout / 2);
        int y2 = Math.min(h, cy + cutout / 2);
        int x1 = Math.max(0, cx - cutout / 2);
        int x2 = Math.min(w, cx + cutout / 2);
        for (int ch = 0; ch < c; ch++) {
            for (int y = y1; y < y2; y++) {
                int row = offset + (ch * h + y) * w;
                Arrays.fill(dst, row + x1, row + x2, 0f);
            }
        }
    }
}
