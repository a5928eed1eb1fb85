package org.nas4j.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.nas4j.core.ConfException;
import org.nas4j.core.PhaseDir;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.conf.ConfDiff;
import org.nas4j.train.Checkpoint;

/**
 * Refuses to resume a phase (continue its checkpoint, or reuse its finished result) with another
 * conf than the one it ran with, which is saved in its {@code config_used.yaml}: the result would
 * mix two experiments without a word. Keys that may change between the runs are left out.
 */
final class ResumeCheck {
    /**
     * Keys that may differ on resume: how many epochs a phase runs (to extend it), threads, loader
     * workers, logging, where the experiment lives, the resume switch, the device (a run may move
     * to another machine), and the trial budget of --trials (it does not change a phase).
     */
    static final Set<String> VOLATILE =
            Set.of(
                    "common.num_threads",
                    "common.log_interval",
                    "common.logdir",
                    "common.experiment_name",
                    "common.resume",
                    "common.device",
                    "nas.search.trainer.epochs",
                    "nas.eval.trainer.epochs",
                    "nas.search.loader.workers",
                    "nas.eval.loader.workers");

    private ResumeCheck() {}

    /**
     * Throws a {@link ConfException} listing the differing keys when {@code dir} holds a phase that
     * ran with another conf than {@code now}; does nothing when it holds no saved conf.
     */
    static void check(Conf now, PhaseDir dir, String phase) {
        Path saved = dir.configUsed();
        boolean resumable =
                Files.exists(dir.result())
                        || (Files.isDirectory(dir.checkpointDir())
                                && Checkpoint.exists(dir.checkpointDir()));
        if (!resumable || !Files.isRegularFile(saved)) {
            return; // nothing of the earlier run would be kept
        }
        Conf old;
        try {
            old = Conf.fromYaml(Files.readString(saved), saved.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + saved + ": " + e.getMessage(), e);
        }
        String other = phase.equals("search") ? "nas.eval." : "nas.search.";
        List<String> diff =
                ConfDiff.between(
                        old,
                        now,
                        k ->
                                !VOLATILE.contains(k)
                                        && !k.startsWith(other)
                                        && !k.startsWith("nas.trials."));
        if (diff.isEmpty()) {
            return;
        }
        int shown = Math.min(diff.size(), 10);
        throw new ConfException(
                "The "
                        + phase
                        + " in "
                        + dir.dir()
                        + " ran with another conf ("
                        + saved.getFileName()
                        + "); resuming it would mix two experiments. Keys that differ ("
                        + diff.size()
                        + "): "
                        + String.join("; ", diff.subList(0, shown))
                        + (diff.size() > shown ? "; ..." : "")
                        + ". Either start over with --no-resume (the directory's results are"
                        + " replaced) or use a new --exp-dir.");
    }
}
