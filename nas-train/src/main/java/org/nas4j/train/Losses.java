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
     * Counts samples whose label ranks within the top {@code 1} and top {@code 5} scores.
     *
     * @param scores row-major {@code [n, k]} scores
     * @return {top-1 correct, top-5 correct}
     */
    public static long[] topKCorrect(float[] scores, int[] labels, int n, int k) {
        long c1 = 0;
        long c5 = 0;
        for (int i = 0; i < n; i++) {
            float target = scores[i * k + labels[i]];
            int higher = 0;
            for (int j = 0; j < k; j++) {
                if (scores[i * k + j] > target) {
                    higher++;
                }
            }
            // ties count in the label's favour, as torch.topk usually resolves them
            if (higher < 1) {
                c1++;
            }
            if (higher < 5) {
                c5++;
            }
        }
        return new long[] {c1, c5};
    }
}
