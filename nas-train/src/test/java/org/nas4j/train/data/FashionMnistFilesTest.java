package org.nas4j.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Reads the real Fashion-MNIST files when Debian's dataset-fashion-mnist is installed. */
class FashionMnistFilesTest {
    private static final Path ROOT = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void realFilesHaveTheKnownSizesLabelsAndMean() {
        Assumptions.assumeTrue(Files.isDirectory(ROOT), "dataset-fashion-mnist is not installed");
        DatasetSpec spec =
                new DatasetSpec(
                        "fashion_mnist",
                        "idx",
                        ROOT.toString(),
                        10,
                        1,
                        28,
                        List.of(0.286),
                        List.of(0.353),
                        2,
                        true,
                        0,
                        0);
        Dataset train = Datasets.load(spec, true, 0);
        Dataset test = Datasets.load(spec, false, 0);
        assertEquals(60000, train.size());
        assertEquals(10000, test.size());
        for (int label : test.labels()) {
            assertTrue(label >= 0 && label < 10);
        }
        long sum = 0;
        byte[] img = new byte[train.imageBytes()];
        for (int i = 0; i < train.size(); i++) {
            train.copyImage(i, img, 0);
            for (byte b : img) {
                sum += b & 0xff;
            }
        }
        double mean = sum / 255.0 / ((double) train.size() * train.imageBytes());
        assertEquals(0.286, mean, 0.002);
    }
}
