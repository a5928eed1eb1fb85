package org.nas4j.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nas4j.core.NasException;

class LoaderTest {
    /** n images of 1x2x2 whose first two pixels encode the sample index; label = index % 3. */
    private static InMemoryDataset indexed(int n) {
        byte[] pixels = new byte[n * 4];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            pixels[i * 4] = (byte) (i % 256);
            pixels[i * 4 + 1] = (byte) (i / 256);
            labels[i] = i % 3;
        }
        return new InMemoryDataset("indexed", pixels, 0, labels, 1, 2, 2, 3);
    }

    private static ImageTransform plain() {
        return ImageTransform.plain(TestData.spec("x", "idx", null, 1, 2, 3));
    }

    private static int indexOf(HostBatch b, int i) {
        int floats = b.c() * b.h() * b.w();
        return Math.round(b.images()[i * floats] * 255)
                + 256 * Math.round(b.images()[i * floats + 1] * 255);
    }

    private static List<HostBatch> drain(Iterator<HostBatch> it) {
        List<HostBatch> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void backgroundLoaderDeliversEverySampleExactlyOncePerEpoch() {
        int n = 103;
        try (Loader loader =
                Loader.builder()
                        .setDataset(indexed(n))
                        .setBatchSize(10)
                        .setTransform(plain())
                        .optShuffle(true)
                        .optWorkers(3)
                        .optSeed(11)
                        .build()) {
            assertEquals(11, loader.batchesPerEpoch());
            for (int epoch = 0; epoch < 3; epoch++) {
                List<HostBatch> batches = drain(loader.epoch(epoch));
                assertEquals(11, batches.size());
                assertEquals(3, batches.get(10).n(), "last partial batch is kept");
                int[] seen = new int[n];
                for (HostBatch b : batches) {
                    for (int i = 0; i < b.n(); i++) {
                        int index = indexOf(b, i);
                        seen[index]++;
                        assertEquals(index % 3, b.labels()[i], "label travels with its image");
                    }
                }
                int[] once = new int[n];
                Arrays.fill(once, 1);
                assertArrayEquals(once, seen, "epoch " + epoch);
            }
            assertTrue(loader.waitNanos() > 0);
        }
    }

    @Test
    void orderDependsOnlyOnSeedAndEpoch() {
        Loader.Builder b =
                Loader.builder()
                        .setDataset(indexed(50))
                        .setBatchSize(8)
                        .setTransform(plain())
                        .optShuffle(true)
                        .optSeed(4);
        try (Loader first = b.build();
                Loader second = b.build()) {
            assertArrayEquals(first.order(2), second.order(2));
            assertFalse(Arrays.equals(first.order(0), first.order(1)));
        }
    }

    /** Augmented batches of two epochs, as lists of image arrays. */
    private static List<float[]> augmentedBatches(int workers) {
        DatasetSpec spec = TestData.synthetic(40, 8, 4, 8);
        DatasetSpec augmenting =
                new DatasetSpec(
                        spec.name(),
                        spec.format(),
                        "",
                        4,
                        1,
                        8,
                        List.of(0.3),
                        List.of(0.2),
                        2,
                        true,
                        40,
                        8);
        Dataset ds = Datasets.load(augmenting, true, 5);
        List<float[]> images = new ArrayList<>();
        try (Loader loader =
                Loader.builder()
                        .setDataset(ds)
                        .setBatchSize(6)
                        .setTransform(ImageTransform.augmenting(augmenting, 3))
                        .optShuffle(true)
                        .optWorkers(workers)
                        .optSeed(21)
                        .build()) {
            for (int epoch = 0; epoch < 2; epoch++) {
                for (HostBatch b : drain(loader.epoch(epoch))) {
                    images.add(b.images());
                }
            }
        }
        return images;
    }

    @Test
    void sameSeedGivesSameAugmentedBatchesWhateverTheWorkerCount() {
        List<float[]> reference = augmentedBatches(0);
        for (int workers : new int[] {0, 1, 3}) {
            List<float[]> other = augmentedBatches(workers);
            assertEquals(reference.size(), other.size());
            for (int i = 0; i < reference.size(); i++) {
                assertArrayEquals(
                        reference.get(i), other.get(i), "batch " + i + ", workers " + workers);
            }
        }
        assertFalse(Arrays.equals(reference.get(0), reference.get(7)), "epochs differ");
    }

    @Test
    void maxBatchesCapsAnEpoch() {
        try (Loader loader =
                Loader.builder()
                        .setDataset(indexed(100))
                        .setBatchSize(10)
                        .setTransform(plain())
                        .optMaxBatches(2)
                        .optWorkers(2)
                        .build()) {
            assertEquals(2, loader.batchesPerEpoch());
            assertEquals(2, drain(loader.epoch(0)).size());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void failureInAWorkerSurfacesOnTheConsumer(int workers) {
        InMemoryDataset good = indexed(40);
        Dataset failing =
                new Dataset() {
                    public String name() {
                        return "failing";
                    }

                    public int size() {
                        return good.size();
                    }

                    public int channels() {
                        return 1;
                    }

                    public int height() {
                        return 2;
                    }

                    public int width() {
                        return 2;
                    }

                    public int nClasses() {
                        return 3;
                    }

                    public int label(int i) {
                        return good.label(i);
                    }

                    public void copyImage(int i, byte[] dst, int offset) {
                        if (i == 27) {
                            throw new IllegalStateException("disk read failed at 27");
                        }
                        good.copyImage(i, dst, offset);
                    }
                };
        try (Loader loader =
                Loader.builder()
                        .setDataset(failing)
                        .setBatchSize(5)
                        .setTransform(plain())
                        .optWorkers(workers)
                        .optName("search/train")
                        .build()) {
            Loader.Epoch epoch = loader.epoch(0);
            for (int b = 0; b < 5; b++) {
                epoch.next();
            }
            NasException e = assertThrows(NasException.class, epoch::next);
            assertTrue(
                    e.getMessage().contains("batch 5 of epoch 0 of loader search/train"),
                    e.getMessage());
            assertTrue(e.getCause() instanceof IllegalStateException);
            assertFalse(epoch.hasNext(), "a failed epoch ends");
        }
    }

    @Test
    void closingAnEpochMidwayStopsItAndTheLoaderCanStartAnother() {
        try (Loader loader =
                Loader.builder()
                        .setDataset(indexed(200))
                        .setBatchSize(4)
                        .setTransform(plain())
                        .optWorkers(2)
                        .build()) {
            Loader.Epoch epoch = loader.epoch(0);
            HostBatch first = epoch.next();
            epoch.close();
            assertFalse(epoch.hasNext());
            assertEquals(indexOf(first, 0), indexOf(loader.epoch(0).next(), 0));
            loader.close();
            assertThrows(NasException.class, () -> loader.epoch(1));
        }
    }
}
