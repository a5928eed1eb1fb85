package org.nas4j.algos.divnas;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nas4j.core.ConfException;
import org.nas4j.core.NasException;

/**
 * Subset selection by Gaussian mutual information, as divnas ranks a node's candidates: for a
 * covariance {@code Sigma} over candidates {@code V}, {@code MI(A) = 1/2 log(det Sigma_A * det
 * Sigma_{V\A} / det Sigma_V)}, the information {@code A} shares with the rest. The empty set has
 * determinant 1, so {@code MI(V) = MI(empty) = 0}.
 */
public final class MutualInfo {
    /** How a subset is searched. */
    public enum Search {
        /** Every subset of the asked size (Archai's {@code mi_ranked} brute force). */
        EXACT,
        /** Adds, one at a time, the candidate that raises the mutual information most. */
        GREEDY;

        /** Reads {@code nas.search.finalizer.mi_search}. */
        public static Search of(String name) {
            return switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "exact" -> EXACT;
                case "greedy" -> GREEDY;
                default ->
                        throw new ConfException(
                                "The key 'nas.search.finalizer.mi_search' is '"
                                        + name
                                        + "'; valid values are 'exact' and 'greedy'.");
            };
        }
    }

    private MutualInfo() {}

    /** {@code MI(A)} for the indices {@code subset} of {@code sigma}. */
    public static double of(double[][] sigma, List<Integer> subset) {
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < sigma.length; i++) {
            if (!subset.contains(i)) {
                rest.add(i);
            }
        }
        List<Integer> all = new ArrayList<>(subset);
        all.addAll(rest);
        return 0.5 * (logDet(sigma, subset) + logDet(sigma, rest) - logDet(sigma, all));
    }

    /** The {@code k} indices of {@code sigma} with the highest {@code MI}, sorted ascending. */
    public static List<Integer> select(double[][] sigma, int k, Search search) {
        if (k < 1 || k > sigma.length) {
            throw new NasException(
                    "Cannot choose " + k + " of " + sigma.length + " candidates by mutual info.");
        }
        return search == Search.EXACT ? exact(sigma, k) : greedy(sigma, k);
    }

    static List<Integer> exact(double[][] sigma, int k) {
        int[] idx = new int[k];
        for (int i = 0; i < k; i++) {
            idx[i] = i;
        }
        List<Integer> best = null;
        double bestMi = Double.NEGATIVE_INFINITY;
        while (true) {
            List<Integer> s = new ArrayList<>();
            for (int i : idx) {
                s.add(i);
            }
            double mi = of(sigma, s);
            if (mi > bestMi) {
                bestMi = mi;
                best = s;
            }
            int i = k - 1;
            while (i >= 0 && idx[i] == sigma.length - k + i) {
                i--;
            }
            if (i < 0) {
                return best;
            }
            idx[i]++;
            for (int j = i + 1; j < k; j++) {
                idx[j] = idx[j - 1] + 1;
            }
        }
    }

    static List<Integer> greedy(double[][] sigma, int k) {
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < k) {
            int best = -1;
            double bestMi = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < sigma.length; c++) {
                if (chosen.contains(c)) {
                    continue;
                }
                List<Integer> s = new ArrayList<>(chosen);
                s.add(c);
                double mi = of(sigma, s);
                if (mi > bestMi) {
                    bestMi = mi;
                    best = c;
                }
            }
            chosen.add(best);
        }
        chosen.sort(null);
        return chosen;
    }

    /**
     * {@code log det} of the principal submatrix on {@code idx} by Cholesky (0 for no indices).
     *
     * @throws NasException when the submatrix is not positive definite
     */
    public static double logDet(double[][] sigma, List<Integer> idx) {
        int n = idx.size();
        double[][] l = new double[n][n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = sigma[idx.get(i)][idx.get(j)];
                for (int p = 0; p < j; p++) {
                    s -= l[i][p] * l[j][p];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new NasException(
                                "The candidates' kernel matrix is not positive definite (pivot "
                                        + s
                                        + "); two candidates may compute the same activations.");
                    }
                    l[i][i] = Math.sqrt(s);
                    sum += Math.log(l[i][i]);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return 2 * sum;
    }
}
