package org.nas4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** The classification loss and accuracy counts the trainers share. */
public final class Losses {
    private Losses() {}

    /**
     * Mean softmax cross entropy of {@code logits} ({@code [n, k]}) against integer {@code labels}
     * ({@code [n]}), with PyTorch's label smoothing: the target is {@code (1-s)*onehot + s/k}.
     */
    public static NDArray crossEntropy(NDArray logits, NDArray labels, double smoothing) {
        int k = (int) logits.getShape().get(1);
        NDArray logp = logits.logSoftmax(1);
        NDArray target = labels.toType(DataType.INT64, false).oneHot(k);
        if (smoothing > 0) {
            target = target.muli(1 - smoothing).addi(smoothing / k);
        }
        return logp.mul(target).sum(new int[] {1}).mean().neg();
    }

    /**
     * Counts samples whose label ranks within the top {@code 1} and top {@code 5} scores, by the
     * strict ranking {@code torch.topk} uses: a score ranks above the label's when it is larger, or
     * equal with a lower class index; NaN ranks above every number. So ties never flatter (constant
     * logits score one class right, not all), and a row whose label score is NaN is never correct.
     *
     * @param scores row-major {@code [n, k]} scores
     * @return {top-1 correct, top-5 correct, rows holding a NaN score}
     */
    public static long[] topKCorrect(float[] scores, int[] labels, int n, int k) {
        long c1 = 0;
        long c5 = 0;
        long nanRows = 0;
        for (int i = 0; i < n; i++) {
            int label = labels[i];
            float target = scores[i * k + label];
            boolean nan = false;
            int above = 0;
            for (int j = 0; j < k; j++) {
                float s = scores[i * k + j];
                nan |= Float.isNaN(s);
                if (j != label && ranksAbove(s, j, target, label)) {
                    above++;
                }
            }
            if (nan) {
                nanRows++;
            }
            if (Float.isNaN(target)) {
                continue;
            }
            if (above < 1) {
                c1++;
            }
            if (above < 5) {
                c5++;
            }
        }
        return new long[] {c1, c5, nanRows};
    }

    /**
     * Whether score {@code s} of class {@code j} ranks above score {@code t} of class {@code l}.
     */
    private static boolean ranksAbove(float s, int j, float t, int l) {
        if (Float.isNaN(s)) {
            return true;
        }
        return s > t || (s == t && j < l);
    }
}
