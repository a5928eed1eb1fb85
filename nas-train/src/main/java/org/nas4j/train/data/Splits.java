package org.nas4j.train.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.nas4j.core.NasException;

/** Divides a training set into training and validation parts. */
public final class Splits {
    private Splits() {}

    /**
     * Holds out {@code round(n_k * valRatio)} samples of every class {@code k}, chosen at random
     * from the seed, so each class keeps its proportion within one sample in both parts.
     *
     * @param labels class of every sample (non-negative)
     * @param valRatio share held out, in [0, 1)
     * @param seed same seed, same split
     */
    public static Split stratified(int[] labels, double valRatio, long seed) {
        if (!(valRatio >= 0 && valRatio < 1)) {
            throw new NasException(
                    "A validation ratio of " + valRatio + " is invalid: it must be in [0, 1).");
        }
        int nClasses = 0;
        for (int label : labels) {
            if (label < 0) {
                throw new NasException("Cannot split labels containing " + label + " (< 0).");
            }
            nClasses = Math.max(nClasses, label + 1);
        }
        int[][] byClass = groupByClass(labels, nClasses);
        SplittableRandom rng = new SplittableRandom(Seeds.mix(seed, Seeds.SPLIT));
        int[] train = new int[labels.length];
        int[] val = new int[labels.length];
        int nTrain = 0;
        int nVal = 0;
        for (int[] members : byClass) {
            shuffle(members, rng);
            int held = (int) Math.round(members.length * valRatio);
            System.arraycopy(members, 0, val, nVal, held);
            System.arraycopy(members, held, train, nTrain, members.length - held);
            nVal += held;
            nTrain += members.length - held;
        }
        int[] trainPart = Arrays.copyOf(train, nTrain);
        int[] valPart = Arrays.copyOf(val, nVal);
        Arrays.sort(trainPart);
        Arrays.sort(valPart);
        return new Split(trainPart, valPart);
    }

    private static int[][] groupByClass(int[] labels, int nClasses) {
        int[] counts = new int[nClasses];
        for (int label : labels) {
            counts[label]++;
        }
        int[][] byClass = new int[nClasses][];
        for (int k = 0; k < nClasses; k++) {
            byClass[k] = new int[counts[k]];
        }
        int[] fill = new int[nClasses];
        for (int i = 0; i < labels.length; i++) {
            byClass[labels[i]][fill[labels[i]]++] = i;
        }
        return byClass;
    }

    /** Fisher-Yates shuffle in place. */
    static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
