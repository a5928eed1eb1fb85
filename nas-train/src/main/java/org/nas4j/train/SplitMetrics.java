package org.nas4j.train;

/**
 * Loss and accuracy over the samples of one split in one epoch.
 *
 * @param loss mean loss per sample
 * @param top1 fraction of samples whose label has the highest score
 * @param top5 fraction of samples whose label is among the five highest scores
 * @param count number of samples
 */
public record SplitMetrics(double loss, double top1, double top5, long count) {

    /** Sums loss and correct counts batch by batch. */
    public static final class Meter {
        private double lossSum;
        private long correct1;
        private long correct5;
        private long count;

        /** Adds a batch of {@code n} samples with mean loss {@code meanLoss}. */
        public void add(double meanLoss, long n, long top1Correct, long top5Correct) {
            lossSum += meanLoss * n;
            correct1 += top1Correct;
            correct5 += top5Correct;
            count += n;
        }

        /** A meter holding the given sums, as {@link #lossSum()} and the others report them. */
        public static Meter of(double lossSum, long top1Correct, long top5Correct, long count) {
            Meter m = new Meter();
            m.lossSum = lossSum;
            m.correct1 = top1Correct;
            m.correct5 = top5Correct;
            m.count = count;
            return m;
        }

        /** Samples so far. */
        public long count() {
            return count;
        }

        /** Sum of the samples' losses so far. */
        public double lossSum() {
            return lossSum;
        }

        /** Samples so far whose label scored highest. */
        public long top1Correct() {
            return correct1;
        }

        /** Samples so far whose label was among the five highest scores. */
        public long top5Correct() {
            return correct5;
        }

        /** The metrics so far (zeros before the first batch). */
        public SplitMetrics result() {
            if (count == 0) {
                return new SplitMetrics(0, 0, 0, 0);
            }
            return new SplitMetrics(
                    lossSum / count, correct1 / (double) count, correct5 / (double) count, count);
        }
    }
}
