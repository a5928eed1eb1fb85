package org.nas4j.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageTransformTest {
    private static final int SIDE = 6;

    /** One 1x6x6 image with pixel values 1..36 (none is 0, so padding is recognisable). */
    private static InMemoryDataset counting() {
        byte[] pixels = new byte[SIDE * SIDE];
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = (byte) (p + 1);
        }
        return new InMemoryDataset("counting", pixels, 0, new int[] {0}, 1, SIDE, SIDE, 1);
    }

    private static int[] raw(float[] normalised) {
        // mean 0, std 1: the raw value is v * 255
        return java.util.stream.IntStream.range(0, normalised.length)
                .map(i -> Math.round(normalised[i] * 255))
                .toArray();
    }

    private static float[] run(ImageTransform t, Dataset ds, SplittableRandom rng) {
        float[] out = new float[ds.imageBytes()];
        t.apply(ds, 0, out, 0, rng, new byte[ds.imageBytes()]);
        return out;
    }

    @Test
    void plainTransformNormalisesPerChannel() {
        DatasetSpec spec =
                new DatasetSpec(
                        "x",
                        "idx",
                        "",
                        2,
                        2,
                        1,
                        List.of(0.5, 0.1),
                        List.of(0.25, 0.5),
                        0,
                        false,
                        0,
                        0);
        Dataset ds =
                new InMemoryDataset(
                        "two", new byte[] {51, (byte) 255}, 0, new int[] {0}, 2, 1, 1, 2);
        float[] out = run(ImageTransform.plain(spec), ds, new SplittableRandom(0));
        assertEquals((0.2f - 0.5f) / 0.25f, out[0], 1e-6);
        assertEquals((1f - 0.1f) / 0.5f, out[1], 1e-6);
    }

    @Test
    void randomCropShiftsContentAndFillsWithRawZeros() {
        Dataset ds = counting();
        DatasetSpec spec = TestData.spec("x", "idx", null, 1, SIDE, 1, 2, false);
        ImageTransform crop = ImageTransform.augmenting(spec, 0);
        SplittableRandom rng = new SplittableRandom(5);
        Set<String> shifts = new HashSet<>();
        for (int draw = 0; draw < 500; draw++) {
            int[] out = raw(run(crop, ds, rng));
            String found = null;
            for (int dy = -2; dy <= 2 && found == null; dy++) {
                for (int dx = -2; dx <= 2 && found == null; dx++) {
                    if (Arrays.equals(out, shifted(dy, dx))) {
                        found = dy + "," + dx;
                    }
                }
            }
            assertTrue(found != null, "draw " + draw + " is no shift: " + Arrays.toString(out));
            shifts.add(found);
        }
        assertEquals(25, shifts.size(), "every shift in [-2,2]^2 occurs: " + shifts);
    }

    /** Hand-computed crop: out(y,x) = src(y+dy, x+dx), 0 outside. */
    private static int[] shifted(int dy, int dx) {
        int[] out = new int[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int sy = y + dy;
                int sx = x + dx;
                boolean inside = sy >= 0 && sy < SIDE && sx >= 0 && sx < SIDE;
                out[y * SIDE + x] = inside ? sy * SIDE + sx + 1 : 0;
            }
        }
        return out;
    }

    @Test
    void flipMirrorsRowsAboutHalfTheTime() {
        Dataset ds = counting();
        DatasetSpec spec = TestData.spec("x", "idx", null, 1, SIDE, 1, 0, true);
        ImageTransform flip = ImageTransform.augmenting(spec, 0);
        int[] identity = shifted(0, 0);
        int[] mirrored = new int[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                mirrored[y * SIDE + x] = y * SIDE + (SIDE - 1 - x) + 1;
            }
        }
        SplittableRandom rng = new SplittableRandom(9);
        int flips = 0;
        for (int draw = 0; draw < 200; draw++) {
            int[] out = raw(run(flip, ds, rng));
            if (Arrays.equals(out, mirrored)) {
                flips++;
            } else {
                assertTrue(Arrays.equals(out, identity), Arrays.toString(out));
            }
        }
        assertTrue(flips > 60 && flips < 140, flips + " flips of 200");
    }

    @Test
    void cutoutZeroesAClippedSquareOnEveryChannelAfterNormalisation() {
        int side = 8;
        byte[] white = new byte[3 * side * side];
        Arrays.fill(white, (byte) 255);
        Dataset ds = new InMemoryDataset("white", white, 0, new int[] {0}, 3, side, side, 1);
        DatasetSpec spec =
                new DatasetSpec(
                        "x",
                        "cifar_bin",
                        "",
                        1,
                        3,
                        side,
                        List.of(0.5, 0.5, 0.5),
                        List.of(0.25, 0.25, 0.25),
                        0,
                        false,
                        0,
                        0);
        ImageTransform cutout = ImageTransform.augmenting(spec, 4);
        SplittableRandom rng = new SplittableRandom(3);
        Set<Integer> heights = new HashSet<>();
        for (int draw = 0; draw < 200; draw++) {
            float[] out = run(cutout, ds, rng);
            int minY = side, maxY = -1, minX = side, maxX = -1, zeros = 0;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    float v = out[y * side + x];
                    for (int c = 1; c < 3; c++) {
                        assertEquals(
                                v, out[(c * side + y) * side + x], "same square on channel " + c);
                    }
                    if (v == 0f) {
                        zeros++;
                        minY = Math.min(minY, y);
                        maxY = Math.max(maxY, y);
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                    } else {
                        assertEquals(2.0f, v, 1e-6, "untouched pixels stay normalised");
                    }
                }
            }
            int h = maxY - minY + 1;
            int w = maxX - minX + 1;
            assertEquals(h * w, zeros, "the zeros form a rectangle");
            assertTrue(h >= 2 && h <= 4 && w >= 2 && w <= 4, h + "x" + w);
            heights.add(h);
        }
        assertTrue(
                heights.contains(4) && heights.size() > 1, "full and clipped squares: " + heights);
    }
}
