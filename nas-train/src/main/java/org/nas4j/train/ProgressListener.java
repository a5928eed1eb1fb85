package org.nas4j.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows training progress on a terminal: epoch, step/total, loss, top-1, learning rate, images/s
 * and the epoch's ETA. On a console one line is rewritten in place ({@code \r}); elsewhere a line
 * is printed every {@code log_interval} steps.
 */
public final class ProgressListener implements TrainListener {
    private final PrintStream out;
    private final int logInterval;
    private final boolean inPlace;

    /**
     * @param out where to print (the command line passes standard output)
     * @param logInterval steps between lines when not in place
     * @param inPlace rewrite one line with {@code \r} (for a console)
     */
    public ProgressListener(PrintStream out, int logInterval, boolean inPlace) {
        this.out = out;
        this.logInterval = Math.max(1, logInterval);
        this.inPlace = inPlace;
    }

    /** Prints in place when the JVM has a console, else a line every {@code logInterval} steps. */
    public ProgressListener(PrintStream out, int logInterval) {
        this(out, logInterval, System.console() != null);
    }

    @Override
    public void onStep(Trainer trainer, StepInfo s) {
        if (inPlace) {
            out.print("\r" + stepText(s) + "   ");
            out.flush();
        } else if ((s.step() + 1) % logInterval == 0) {
            out.println(stepText(s));
        }
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochMetrics m) {
        if (inPlace) {
            out.print("\r");
        }
        out.println(epochText(m, trainer.spec().epochs()));
    }

    /** One progress line for step {@code s}. */
    static String stepText(StepInfo s) {
        double perStep = s.epochSeconds() / (s.step() + 1);
        double eta = perStep * (s.stepsPerEpoch() - s.step() - 1);
        return String.format(
                Locale.ROOT,
                "epoch %d/%d step %d/%d loss %.4f top1 %.2f%% lr %.5g %.0f img/s ETA %s",
                s.epoch() + 1,
                s.epochs(),
                s.step() + 1,
                s.stepsPerEpoch(),
                s.running().loss(),
                100 * s.running().top1(),
                s.lr(),
                s.imagesPerSec(),
                duration(eta));
    }

    /** One summary line for epoch {@code m}. */
    static String epochText(EpochMetrics m, int epochs) {
        String val =
                m.val() == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                " | val loss %.4f top1 %.2f%% top5 %.2f%%",
                                m.val().loss(),
                                100 * m.val().top1(),
                                100 * m.val().top5());
        return String.format(
                Locale.ROOT,
                "epoch %d/%d done: train loss %.4f top1 %.2f%% top5 %.2f%%%s | lr %.5g %.0f img/s"
                        + " %s",
                m.epoch() + 1,
                epochs,
                m.train().loss(),
                100 * m.train().top1(),
                100 * m.train().top5(),
                val,
                m.lr(),
                m.imagesPerSec(),
                duration(m.epochSeconds()));
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
