package org.nas4j.algos.petridish;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Samples the parents of a round of children. The candidates are the models at most {@code epsilon}
 * (validation error) above the lower convex hull ({@link Hull#near}) whose multiply-adds are below
 * the cap. Candidate {@code i} is drawn with probability proportional to {@code 1 / ((1 + chosen_i)
 * * (1 + rank_i))}, where {@code chosen_i} counts the times it was a parent before and {@code
 * rank_i} is its position among the candidates by increasing multiply-adds (0 for the smallest):
 * models chosen less often and smaller ones are favoured. Within one round a model is drawn at most
 * once while undrawn candidates remain, and each draw counts as a choice.
 */
public final class ParentSampler {
    private final double epsilon;
    private final double maxMacs;

    /**
     * @param epsilon how far above the hull a parent may be
     * @param maxMacs models with at least this many multiply-adds are not grown
     */
    public ParentSampler(double epsilon, double maxMacs) {
        this.epsilon = epsilon;
        this.maxMacs = maxMacs;
    }

    /** Indices of the models that may be parents, by increasing multiply-adds. */
    public List<Integer> candidates(List<double[]> points) {
        List<Integer> out = new ArrayList<>();
        for (int i : new Hull(points).near(epsilon)) {
            if (points.get(i)[0] < maxMacs) {
                out.add(i);
            }
        }
        out.sort(
                java.util.Comparator.comparingDouble((Integer i) -> points.get(i)[0])
                        .thenComparingInt(i -> i));
        return out;
    }

    /**
     * Draws {@code n} parents.
     *
     * @param points each model's {@code {macs, error}}
     * @param chosen each model's times chosen so far; incremented for every draw
     * @return the drawn models' indices, in draw order (empty when no model may be a parent)
     */
    public List<Integer> sample(List<double[]> points, int[] chosen, int n, Random rng) {
        List<Integer> cands = candidates(points);
        List<Integer> out = new ArrayList<>();
        while (out.size() < n && !cands.isEmpty()) {
            List<Integer> pool = new ArrayList<>();
            for (int c : cands) {
                if (!out.contains(c)) {
                    pool.add(c);
                }
            }
            if (pool.isEmpty()) {
                pool = cands; // more children than candidates: draw again among all
            }
            double[] w = new double[pool.size()];
            double total = 0;
            for (int k = 0; k < w.length; k++) {
                int i = pool.get(k);
                w[k] = 1.0 / ((1.0 + chosen[i]) * (1.0 + cands.indexOf(i)));
                total += w[k];
            }
            double u = rng.nextDouble() * total;
            int pick = w.length - 1;
            for (int k = 0; k < w.length; k++) {
                u -= w[k];
                if (u < 0) {
                    pick = k;
                    break;
                }
            }
            int i = pool.get(pick);
            chosen[i]++;
            out.add(i);
        }
        return out;
    }
}
