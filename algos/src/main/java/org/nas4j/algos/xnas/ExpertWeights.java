package org.nas4j.algos.xnas;

/**
 * The arithmetic of XNAS's exponentiated-gradient experts (Nayman et al. 2019, arXiv:1906.09557,
 * algorithm 1) on one edge, in log space and double precision.
 *
 * <p>Each op {@code k} of an edge is an expert with weight {@code a_k = exp(logA[k])}; the edge
 * computes {@code sum_k a_k o_k / sum_k a_k}. After a validation step with rewards {@code r_k =
 * -<dL/dout, o_k>} (clamped to the bound {@code [-G, G]}), {@code a_k <- a_k * exp(eta r_k)}. An
 * expert below {@code max_k a_k * exp(-2 eta G (T - t))} can never catch up in the {@code T - t}
 * updates left and is wiped out.
 */
final class ExpertWeights {
    private ExpertWeights() {}

    /**
     * The learning rate {@code sqrt(2 ln K / (T G^2))} of the paper's regret bound.
     *
     * @param k number of experts (ops) on the edge
     * @param totalUpdates {@code T}, the number of updates of the whole search
     * @param bound {@code G}, the bound on a reward's magnitude
     */
    static double eta(int k, long totalUpdates, double bound) {
        if (k < 2 || totalUpdates < 1 || !(bound > 0)) {
            throw new IllegalArgumentException(
                    "XNAS's learning rate needs at least 2 ops, 1 update and a positive reward"
                            + " bound; got K="
                            + k
                            + ", T="
                            + totalUpdates
                            + ", G="
                            + bound
                            + ".");
        }
        return Math.sqrt(2 * Math.log(k) / (totalUpdates * bound * bound));
    }

    /** The rewards {@code -grad[k]} clamped to {@code [-bound, bound]}. */
    static double[] rewards(float[] grad, double bound) {
        double[] r = new double[grad.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = Math.max(-bound, Math.min(bound, -(double) grad[k]));
        }
        return r;
    }

    /** {@code logA[k] += eta * r[k]} for every expert not wiped out. */
    static void update(double[] logA, boolean[] wiped, double[] r, double eta) {
        for (int k = 0; k < logA.length; k++) {
            if (!wiped[k]) {
                logA[k] += eta * r[k];
            }
        }
    }

    /**
     * Wipes out the experts below {@code max * exp(-2 eta G (T - t))} after update {@code t} (1 for
     * the first) of {@code T}; the strongest expert always survives.
     *
     * @return how many experts this call wiped out
     */
    static int wipeOut(
            double[] logA, boolean[] wiped, double eta, double bound, long t, long totalUpdates) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < logA.length; k++) {
            if (!wiped[k]) {
                max = Math.max(max, logA[k]);
            }
        }
        double threshold = max - 2 * eta * bound * Math.max(0, totalUpdates - t);
        int n = 0;
        for (int k = 0; k < logA.length; k++) {
            if (!wiped[k] && logA[k] < threshold) {
                wiped[k] = true;
                n++;
            }
        }
        return n;
    }

    /**
     * The mixture weights {@code a_k / sum a} over the experts not wiped out; a wiped expert gets
     * 0. With {@code keepWiped} a wiped expert keeps its last {@code a_k} in the sum and the result
     * (the edge's strength as the finalizer reads it).
     */
    static double[] normalized(double[] logA, boolean[] wiped, boolean keepWiped) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < logA.length; k++) {
            if (keepWiped || !wiped[k]) {
                max = Math.max(max, logA[k]);
            }
        }
        double[] w = new double[logA.length];
        double sum = 0;
        for (int k = 0; k < logA.length; k++) {
            w[k] = keepWiped || !wiped[k] ? Math.exp(logA[k] - max) : 0.0;
            sum += w[k];
        }
        for (int k = 0; k < w.length; k++) {
            w[k] /= sum;
        }
        return w;
    }
}
