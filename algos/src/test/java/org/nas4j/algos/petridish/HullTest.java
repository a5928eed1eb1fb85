package org.nas4j.algos.petridish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HullTest {
    /** (macs, error): a, b, d, e on the hull; c above it; f larger and worse than e. */
    static final List<double[]> POINTS =
            List.of(
                    new double[] {1, 0.50}, // 0 a
                    new double[] {2, 0.30}, // 1 b
                    new double[] {3, 0.29}, // 2 c: hull at 3 is 0.25, 0.04 above
                    new double[] {4, 0.20}, // 3 d
                    new double[] {8, 0.15}, // 4 e: the most accurate
                    new double[] {9, 0.16}, // 5 f: bigger and worse than e
                    new double[] {4, 0.40}); // 6 g: same size as d, worse

    @Test
    void lowerHullRunsFromTheSmallestToTheMostAccurateModel() {
        assertEquals(List.of(0, 1, 3, 4), new Hull(POINTS).vertices());
    }

    @Test
    void errorOnTheHullIsLinearBetweenVerticesAndFlatBeyondTheBest() {
        Hull h = new Hull(POINTS);
        assertEquals(0.25, h.errorAt(3), 1e-12);
        assertEquals(0.175, h.errorAt(6), 1e-12);
        assertEquals(0.15, h.errorAt(100), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, h.errorAt(0.5));
    }

    @Test
    void nearHullKeepsModelsWithinEpsilonOfIt() {
        Hull h = new Hull(POINTS);
        assertEquals(List.of(0, 1, 3, 4, 5), h.near(0.025)); // f is 0.01 above the flat tail
        assertEquals(List.of(0, 1, 2, 3, 4, 5), h.near(0.05)); // c is 0.04 above
        assertEquals(List.of(0, 1, 3, 4), h.near(0.0));
    }

    @Test
    void aPointBelowTheChordReplacesItsNeighbours() {
        // (1.5, 0.4) lies above the segment from (1, 0.5) to (2, 0.1)
        List<double[]> pts =
                List.of(
                        new double[] {1, 0.5},
                        new double[] {1.5, 0.4},
                        new double[] {2, 0.1},
                        new double[] {3, 0.05});
        assertEquals(List.of(0, 2, 3), new Hull(pts).vertices());
        assertEquals(List.of(0), new Hull(List.of(new double[] {5, 0.3})).vertices());
    }
}
