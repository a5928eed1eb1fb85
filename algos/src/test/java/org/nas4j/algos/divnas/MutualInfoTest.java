package org.nas4j.algos.divnas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nas4j.core.ConfException;
import org.nas4j.core.NasException;

class MutualInfoTest {
    @Test
    void twoByTwoMutualInformationIsMinusHalfLogOneMinusRhoSquared() {
        double r = 0.6;
        double[][] s = {{1, r}, {r, 1}};
        assertEquals(-0.5 * Math.log(1 - r * r), MutualInfo.of(s, List.of(0)), 1e-12);
        assertEquals(MutualInfo.of(s, List.of(0)), MutualInfo.of(s, List.of(1)), 1e-12);
        assertEquals(0.0, MutualInfo.of(s, List.of(0, 1)), 1e-12);
        assertEquals(0.0, MutualInfo.of(s, List.of()), 1e-12);
    }

    @Test
    void threeByThreeValuesMatchDeterminantsByHand() {
        // det = 2 * 3 - 1 * 2 = 4; det of {1,2} and {0,1} = 3; det of {0,2} = 4
        double[][] s = {{2, 1, 0}, {1, 2, 1}, {0, 1, 2}};
        assertEquals(Math.log(4), MutualInfo.logDet(s, List.of(0, 1, 2)), 1e-12);
        assertEquals(0.5 * Math.log(2 * 3 / 4.0), MutualInfo.of(s, List.of(0)), 1e-12);
        assertEquals(0.5 * Math.log(2 * 4 / 4.0), MutualInfo.of(s, List.of(1)), 1e-12);
        assertEquals(0.5 * Math.log(3 * 2 / 4.0), MutualInfo.of(s, List.of(0, 1)), 1e-12);
        // the middle candidate is correlated with both others: it carries the most information
        assertEquals(List.of(1), MutualInfo.select(s, 1, MutualInfo.Search.EXACT));
        assertEquals(List.of(1), MutualInfo.select(s, 1, MutualInfo.Search.GREEDY));
    }

    private static double[][] randomSpd(Random r, int n) {
        double[][] a = new double[n][n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = r.nextGaussian();
            }
        }
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < n; p++) {
                    s[i][j] += a[i][p] * a[j][p];
                }
            }
            s[i][i] += 0.1;
        }
        return s;
    }

    @Test
    void greedyAndExactAgreeOnOneCandidateOfRandomSpdMatricesAndGreedyNeverWins() {
        Random r = new Random(11);
        int agreeTwo = 0;
        int trials = 0;
        for (int t = 0; t < 200; t++) {
            int n = 3 + t % 5;
            double[][] s = randomSpd(r, n);
            // one candidate: both maximise MI over the singletons
            assertEquals(
                    MutualInfo.select(s, 1, MutualInfo.Search.EXACT),
                    MutualInfo.select(s, 1, MutualInfo.Search.GREEDY),
                    "trial " + t);
            // two candidates (the divnas default): greedy never beats the exhaustive search
            List<Integer> exact = MutualInfo.select(s, 2, MutualInfo.Search.EXACT);
            List<Integer> greedy = MutualInfo.select(s, 2, MutualInfo.Search.GREEDY);
            double best = MutualInfo.of(s, exact);
            assertTrue(MutualInfo.of(s, greedy) <= best + 1e-12, "trial " + t);
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    assertTrue(MutualInfo.of(s, List.of(i, j)) <= best + 1e-12);
                }
            }
            agreeTwo += exact.equals(greedy) ? 1 : 0;
            trials++;
        }
        // greedy is a heuristic for two or more: on these Wishart matrices it finds the exact
        // pair in 107 of 200 cases (fixed seed); the bound documents that, not a guarantee
        assertTrue(agreeTwo >= 100, "greedy matched exact in " + agreeTwo + "/" + trials);
    }

    @Test
    void greedyAndExactAgreeOnOneCandidateOfRbfKernelsAndGreedyNeverWins() {
        // kernels as divnas builds them: RBF of random points, diagonal 1
        Random r = new Random(5);
        int agree = 0;
        for (int t = 0; t < 200; t++) {
            int n = 3 + t % 6;
            double[][] x = new double[n][4];
            for (double[] p : x) {
                for (int d = 0; d < 4; d++) {
                    p[d] = r.nextGaussian();
                }
            }
            double[][] s = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double d2 = 0;
                    for (int d = 0; d < 4; d++) {
                        d2 += (x[i][d] - x[j][d]) * (x[i][d] - x[j][d]);
                    }
                    s[i][j] = Math.exp(-d2 / 2) + (i == j ? 1e-6 : 0);
                }
            }
            assertEquals(
                    MutualInfo.select(s, 1, MutualInfo.Search.EXACT),
                    MutualInfo.select(s, 1, MutualInfo.Search.GREEDY));
            List<Integer> exact = MutualInfo.select(s, 2, MutualInfo.Search.EXACT);
            List<Integer> greedy = MutualInfo.select(s, 2, MutualInfo.Search.GREEDY);
            assertTrue(MutualInfo.of(s, greedy) <= MutualInfo.of(s, exact) + 1e-12);
            agree += exact.equals(greedy) ? 1 : 0;
        }
        // 114 of 200 with this seed: Krause's greedy is a heuristic beyond one candidate
        assertTrue(agree >= 100, "greedy matched exact in " + agree + "/200");
    }

    @Test
    void nonPositiveDefiniteKernelAndBadSearchAreRefused() {
        double[][] s = {{1, 1}, {1, 1}};
        assertThrows(NasException.class, () -> MutualInfo.of(s, List.of(0)));
        ConfException e = assertThrows(ConfException.class, () -> MutualInfo.Search.of("best"));
        assertTrue(e.getMessage().contains("mi_search"), e.getMessage());
    }
}
