package org.nas4j.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.NasException;

class CifarReaderTest {
    private static final int PIXELS = 3072;

    @TempDir Path dir;

    /**
     * Records of {@code labelBytes.length} label bytes then 3072 pixels of value {@code fill[i]}.
     */
    private static byte[] records(int[][] labelBytes, int[] fill) {
        int record = labelBytes[0].length + PIXELS;
        byte[] out = new byte[labelBytes.length * record];
        for (int r = 0; r < labelBytes.length; r++) {
            for (int k = 0; k < labelBytes[r].length; k++) {
                out[r * record + k] = (byte) labelBytes[r][k];
            }
            int start = r * record + labelBytes[r].length;
            Arrays.fill(out, start, start + PIXELS, (byte) fill[r]);
            out[start + 1024] = (byte) 200; // first green pixel marks the CHW layout
        }
        return out;
    }

    private DatasetSpec cifar10() {
        return TestData.spec("cifar10", "cifar_bin", dir, 3, 32, 10);
    }

    @Test
    void cifar10ReadsFiveTrainingBatchesAndTheTestBatch() throws IOException {
        for (int b = 1; b <= 5; b++) {
            TestData.write(
                    dir.resolve("data_batch_" + b + ".bin"),
                    records(new int[][] {{b}, {b + 4}}, new int[] {b, 10 + b}));
        }
        TestData.write(dir.resolve("test_batch.bin"), records(new int[][] {{7}}, new int[] {99}));

        Dataset train = Datasets.load(cifar10(), true, 0);
        assertEquals(10, train.size());
        assertArrayEquals(new int[] {1, 5, 2, 6, 3, 7, 4, 8, 5, 9}, train.labels());
        byte[] third = train.image(2);
        assertEquals(PIXELS, third.length);
        assertEquals(2, third[0]);
        assertEquals((byte) 200, third[1024]);
        assertEquals(2, third[PIXELS - 1]);

        Dataset test = Datasets.load(cifar10(), false, 0);
        assertEquals(1, test.size());
        assertEquals(7, test.label(0));
        assertEquals(99, test.image(0)[5]);
    }

    @Test
    void cifar100UsesFineLabels() throws IOException {
        TestData.write(
                dir.resolve("train.bin"),
                records(new int[][] {{3, 42}, {19, 99}, {0, 7}}, new int[] {1, 2, 3}));
        TestData.write(dir.resolve("test.bin"), records(new int[][] {{5, 55}}, new int[] {4}));
        DatasetSpec spec = TestData.spec("cifar100", "cifar_bin", dir, 3, 32, 100);

        Dataset train = Datasets.load(spec, true, 0);
        assertArrayEquals(new int[] {42, 99, 7}, train.labels());
        assertEquals(3, train.image(2)[0]);
        assertEquals(55, Datasets.load(spec, false, 0).label(0));
    }

    @Test
    void fileThatIsNotAWholeNumberOfRecordsIsRefused() throws IOException {
        byte[] bytes = records(new int[][] {{1}, {2}}, new int[] {1, 2});
        Path file = TestData.write(dir.resolve("test_batch.bin"), Arrays.copyOf(bytes, 5000));

        NasException e = assertThrows(NasException.class, () -> Datasets.load(cifar10(), false, 0));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("holds 5000 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("3073-byte record"), e.getMessage());
    }

    @Test
    void missingBatchFileIsNamed() throws IOException {
        TestData.write(dir.resolve("data_batch_1.bin"), records(new int[][] {{1}}, new int[] {1}));
        NasException e = assertThrows(NasException.class, () -> Datasets.load(cifar10(), true, 0));
        assertTrue(e.getMessage().contains(dir.resolve("data_batch_2.bin").toString()));
    }

    @Test
    void labelOutsideTheClassesIsRefused() throws IOException {
        Files.write(dir.resolve("test_batch.bin"), records(new int[][] {{12}}, new int[] {1}));
        NasException e = assertThrows(NasException.class, () -> Datasets.load(cifar10(), false, 0));
        assertTrue(e.getMessage().contains("label 12"), e.getMessage());
    }
}
