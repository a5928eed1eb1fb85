package org.nas4j.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitsTest {
    /** Unbalanced classes: class k has 10 + 7k samples, interleaved. */
    private static int[] labels() {
        return IntStream.range(0, 5)
                .flatMap(k -> IntStream.range(0, 10 + 7 * k).map(i -> k))
                .toArray();
    }

    @Test
    void everyClassKeepsItsProportionWithinOneSample() {
        int[] labels = labels();
        Split split = Splits.stratified(labels, 0.3, 7);
        for (int k = 0; k < 5; k++) {
            int kk = k;
            long total = Arrays.stream(labels).filter(l -> l == kk).count();
            long held = Arrays.stream(split.val()).filter(i -> labels[i] == kk).count();
            assertTrue(Math.abs(held - total * 0.3) <= 1, "class " + k + ": " + held + "/" + total);
        }
    }

    @Test
    void partsAreDisjointAndCoverEverySample() {
        int[] labels = labels();
        Split split = Splits.stratified(labels, 0.5, 1);
        int[] all =
                IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.val()))
                        .sorted()
                        .toArray();
        assertArrayEquals(IntStream.range(0, labels.length).toArray(), all);
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        int[] labels = labels();
        Split a = Splits.stratified(labels, 0.5, 42);
        Split b = Splits.stratified(labels, 0.5, 42);
        Split c = Splits.stratified(labels, 0.5, 43);
        assertArrayEquals(a.train(), b.train());
        assertArrayEquals(a.val(), b.val());
        assertFalse(Arrays.equals(a.val(), c.val()));
    }

    @Test
    void zeroRatioHoldsNothingOut() {
        Split split = Splits.stratified(labels(), 0.0, 3);
        assertEquals(0, split.val().length);
        assertEquals(labels().length, split.train().length);
    }
}
