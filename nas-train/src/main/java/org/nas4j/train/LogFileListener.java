package org.nas4j.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Appends training progress to a log file ({@code log.txt}): a line every {@code log_interval}
 * steps, one per epoch, and the start and end of training. A resumed run appends to the same file.
 */
public final class LogFileListener implements TrainListener {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final Path file;
    private final int logInterval;

    /**
     * @param file the log file, created with its directories if absent
     * @param logInterval steps between step lines; 0 or less for epoch lines only
     */
    public LogFileListener(Path file, int logInterval) {
        this.file = file;
        this.logInterval = logInterval;
    }

    @Override
    public void onTrainStart(Trainer trainer, int startEpoch) {
        append(startText(trainer, startEpoch));
    }

    /**
     * {@code training starts: N epochs}, or where a resumed run continues: {@code training resumes
     * at epoch E of N, step S of M (global step G)} (the step part after a step checkpoint).
     */
    static String startText(Trainer trainer, int startEpoch) {
        EpochPosition p = trainer.position();
        if (startEpoch == 0 && p == null) {
            return "training starts: " + trainer.spec().epochs() + " epochs";
        }
        String at =
                p == null
                        ? ""
                        : ", step "
                                + (p.batch() + 1)
                                + " of "
                                + p.batchesPerEpoch()
                                + " (global step "
                                + (trainer.globalStep() + 1)
                                + ")";
        return "training resumes at epoch "
                + (startEpoch + 1)
                + " of "
                + trainer.spec().epochs()
                + at;
    }

    @Override
    public void onStep(Trainer trainer, StepInfo s) {
        if (logInterval > 0
                && ((s.step() + 1) % logInterval == 0 || s.step() + 1 == s.stepsPerEpoch())) {
            append(ProgressListener.stepText(s));
        }
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochMetrics m) {
        append(ProgressListener.epochText(m, trainer.spec().epochs()));
    }

    @Override
    public void onTrainEnd(Trainer trainer, FitResult result) {
        EpochMetrics best = result.best();
        append(
                "training ends after "
                        + result.epochsDone()
                        + " epochs"
                        + (best == null
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        "; best top-1 %.2f%% at epoch %d",
                                        100 * best.rankingTop1(),
                                        best.epoch() + 1)));
    }

    private void append(String line) {
        try {
            Path abs = file.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            Files.writeString(
                    abs,
                    LocalDateTime.now().format(TIME) + " " + line + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not append to " + file + ": " + e.getMessage(), e);
        }
    }
}
