package org.nas4j.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nas4j.core.NasException;

class IdxReaderTest {
    private static final int N = 5;
    private static final int SIDE = 4;
    private static final int[] LABELS = {3, 0, 9, 1, 3};

    @TempDir Path dir;

    private void writeSplit(String prefix, byte[] pixels, boolean gz) throws IOException {
        byte[] images = TestData.idxImages(IdxReader.IMAGES_MAGIC, N, SIDE, SIDE, pixels);
        byte[] labels = TestData.idxLabels(IdxReader.LABELS_MAGIC, LABELS);
        String suffix = gz ? ".gz" : "";
        TestData.write(
                dir.resolve(prefix + "-images-idx3-ubyte" + suffix),
                gz ? TestData.gzip(images) : images);
        TestData.write(
                dir.resolve(prefix + "-labels-idx1-ubyte" + suffix),
                gz ? TestData.gzip(labels) : labels);
    }

    private DatasetSpec spec() {
        return TestData.spec("mnist", "idx", dir, 1, SIDE, 10);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsBackWhatWasWrittenPlainOrGzipped(boolean gz) throws IOException {
        byte[] train = TestData.patternPixels(N, SIDE * SIDE);
        byte[] test = Arrays.copyOf(train, train.length);
        test[0] = 77;
        writeSplit("train", train, gz);
        writeSplit("t10k", test, gz);

        Dataset ds = Datasets.load(spec(), true, 0);
        assertEquals(N, ds.size());
        assertEquals(1, ds.channels());
        assertEquals(SIDE, ds.height());
        assertEquals(SIDE, ds.width());
        assertArrayEquals(LABELS, ds.labels());
        for (int i = 0; i < N; i++) {
            assertArrayEquals(
                    Arrays.copyOfRange(train, i * 16, i * 16 + 16), ds.image(i), "image " + i);
        }
        assertEquals(77, Datasets.load(spec(), false, 0).image(0)[0]);
    }

    @Test
    void truncatedImageFileNamesFileAndExpectedAndActualSize() throws IOException {
        writeSplit("train", TestData.patternPixels(N, SIDE * SIDE), false);
        Path images = dir.resolve("train-images-idx3-ubyte");
        byte[] all = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(all, all.length - 3));

        NasException e = assertThrows(NasException.class, () -> Datasets.load(spec(), true, 0));
        assertTrue(e.getMessage().contains(images.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("needs exactly 96 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("holds 93 bytes"), e.getMessage());
    }

    @Test
    void truncatedGzipFileNamesFile() throws IOException {
        writeSplit("train", TestData.patternPixels(N, SIDE * SIDE), true);
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        byte[] all = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(all, all.length / 2));

        NasException e = assertThrows(NasException.class, () -> Datasets.load(spec(), true, 0));
        assertTrue(e.getMessage().contains(images.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated or corrupt"), e.getMessage());
    }

    @Test
    void wrongMagicNumberIsRefused() throws IOException {
        writeSplit("train", TestData.patternPixels(N, SIDE * SIDE), false);
        Path images = dir.resolve("train-images-idx3-ubyte");
        byte[] bad = TestData.idxImages(2049, N, SIDE, SIDE, TestData.patternPixels(N, 16));
        Files.write(images, bad);

        NasException e = assertThrows(NasException.class, () -> Datasets.load(spec(), true, 0));
        assertTrue(e.getMessage().contains("magic number 2049"), e.getMessage());
        assertTrue(e.getMessage().contains("2051"), e.getMessage());
        assertTrue(e.getMessage().contains(images.toString()), e.getMessage());
    }

    @Test
    void labelCountDifferentFromImageCountIsRefused() throws IOException {
        writeSplit("train", TestData.patternPixels(N, SIDE * SIDE), false);
        TestData.write(
                dir.resolve("train-labels-idx1-ubyte"),
                TestData.idxLabels(IdxReader.LABELS_MAGIC, new int[] {1, 2}));

        NasException e = assertThrows(NasException.class, () -> Datasets.load(spec(), true, 0));
        assertTrue(
                e.getMessage().contains("has 2 labels but its image file has 5"), e.getMessage());
    }

    @Test
    void imageSizeDifferentFromSpecIsRefused() throws IOException {
        writeSplit("train", TestData.patternPixels(N, SIDE * SIDE), false);
        DatasetSpec wrong = TestData.spec("mnist", "idx", dir, 1, 28, 10);

        NasException e = assertThrows(NasException.class, () -> Datasets.load(wrong, true, 0));
        assertTrue(e.getMessage().contains("4x4"), e.getMessage());
        assertTrue(e.getMessage().contains("dataset.img_size = 28"), e.getMessage());
    }

    @Test
    void missingDirectoryIsNamedWithoutAptHintForOtherPaths() {
        Path missing = dir.resolve("nowhere");
        DatasetSpec spec = TestData.spec("fashion_mnist", "idx", missing, 1, 28, 10);

        NasException e = assertThrows(NasException.class, () -> Datasets.load(spec, true, 0));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("apt-get"), e.getMessage());
    }

    @Test
    void missingFileInDefaultFashionMnistDirectorySuggestsAptPackage() {
        Path defaultDir = DataFiles.DEFAULT_FASHION_MNIST;
        NasException e =
                assertThrows(
                        NasException.class,
                        () ->
                                DataFiles.findPlainOrGz(
                                        defaultDir, "no-such-idx-file", "fashion_mnist"));
        assertTrue(e.getMessage().contains(defaultDir.resolve("no-such-idx-file").toString()));
        assertTrue(
                e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
        if (!Files.isDirectory(defaultDir)) {
            NasException dirMissing =
                    assertThrows(
                            NasException.class,
                            () -> DataFiles.requireDir(defaultDir, "fashion_mnist"));
            assertTrue(dirMissing.getMessage().contains("apt-get install dataset-fashion-mnist"));
        }
    }

    @Test
    void formatThatDoesNotFitTheNameIsAConfError() {
        DatasetSpec spec = TestData.spec("mnist", "cifar_bin", dir, 1, SIDE, 10);
        NasException e = assertThrows(NasException.class, () -> Datasets.load(spec, true, 0));
        assertTrue(e.getMessage().contains("dataset.format"), e.getMessage());
    }
}
