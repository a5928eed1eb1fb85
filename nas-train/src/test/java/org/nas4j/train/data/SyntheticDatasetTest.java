package org.nas4j.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SyntheticDatasetTest {
    private static final DatasetSpec SPEC = TestData.synthetic(256, 128, 4, 8);

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        Dataset a = Datasets.load(SPEC, true, 3);
        Dataset b = Datasets.load(SPEC, true, 3);
        Dataset c = Datasets.load(SPEC, true, 4);
        assertEquals(256, a.size());
        assertEquals(128, Datasets.load(SPEC, false, 3).size());
        assertArrayEquals(a.image(17), b.image(17));
        assertFalse(java.util.Arrays.equals(a.image(17), c.image(17)));
    }

    @Test
    void classesAreBalanced() {
        int[] counts = new int[4];
        for (int label : Datasets.load(SPEC, true, 1).labels()) {
            counts[label]++;
        }
        assertArrayEquals(new int[] {64, 64, 64, 64}, counts);
    }

    /** A nearest-class-mean classifier fit on train must do well on test: the data has signal. */
    @Test
    void testSetIsLearnableFromTrainingSet() {
        Dataset train = Datasets.load(SPEC, true, 9);
        Dataset test = Datasets.load(SPEC, false, 9);
        int d = train.imageBytes();
        double[][] means = new double[4][d];
        for (int i = 0; i < train.size(); i++) {
            byte[] img = train.image(i);
            for (int p = 0; p < d; p++) {
                means[train.label(i)][p] += (img[p] & 0xff) / 64.0;
            }
        }
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            byte[] img = test.image(i);
            int best = -1;
            double bestDist = Double.MAX_VALUE;
            for (int k = 0; k < 4; k++) {
                double dist = 0;
                for (int p = 0; p < d; p++) {
                    double diff = (img[p] & 0xff) - means[k][p];
                    dist += diff * diff;
                }
                if (dist < bestDist) {
                    bestDist = dist;
                    best = k;
                }
            }
            correct += best == test.label(i) ? 1 : 0;
        }
        assertTrue(correct > 0.9 * test.size(), correct + " of " + test.size());
    }
}
