package org.nas4j.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nas4j.core.ConfException;
import org.nas4j.core.ExperimentDir;
import org.nas4j.core.PhaseDir;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.conf.ConfDiff;
import org.nas4j.core.result.EvalResult;
import org.nas4j.core.result.SearchResult;
import org.nas4j.train.Checkpoint;
import org.nas4j.train.ConfFingerprint;

/**
 * Refuses to resume a phase (continue its checkpoint, or reuse its finished result) with another
 * conf than the one it ran with: the result would mix two experiments without a word. The
 * checkpoint and the result record the hash of that conf ({@link ConfFingerprint}, which also lists
 * the keys that may change between the runs); the keys that differ are listed against the phase's
 * {@code config_used.yaml}. Files written before the hash existed are compared by that file alone.
 */
final class ResumeCheck {
    private ResumeCheck() {}

    /**
     * Throws a {@link ConfException} listing the differing keys when {@code dir} holds a phase that
     * ran with another conf than {@code now}; does nothing when it holds nothing to continue.
     */
    static void check(Conf now, PhaseDir dir, String phase) {
        boolean finished = Files.exists(dir.result());
        boolean checkpointed =
                Files.isDirectory(dir.checkpointDir()) && Checkpoint.exists(dir.checkpointDir());
        if (!finished && !checkpointed) {
            return; // nothing of the earlier run would be kept
        }
        String recorded =
                finished
                        ? resultHash(dir, phase)
                        : Checkpoint.readProgress(dir.checkpointDir()).confHash();
        String hash = ConfFingerprint.of(now, phase);
        if (hash.equals(recorded)) {
            return;
        }
        List<String> diff = diffWithSaved(now, dir, phase);
        if (diff.isEmpty() && recorded == null) {
            return; // written before conf hashes; its config_used.yaml matches
        }
        String what = finished ? PhaseDir.RESULT : "checkpoint";
        String keys =
                diff.isEmpty()
                        ? "its "
                                + what
                                + " was made with a conf that "
                                + PhaseDir.CONFIG_USED
                                + " no longer holds (a later run that did not finish replaced"
                                + " it), so the keys cannot be listed"
                        : "keys that differ ("
                                + diff.size()
                                + "): "
                                + String.join("; ", diff.subList(0, Math.min(diff.size(), 10)))
                                + (diff.size() > 10 ? "; ..." : "");
        throw new ConfException(
                "The "
                        + phase
                        + " in "
                        + dir.dir()
                        + " ran with another conf; resuming it would mix two experiments. "
                        + Character.toUpperCase(keys.charAt(0))
                        + keys.substring(1)
                        + ". Either start over with --no-resume (the directory's results are"
                        + " replaced) or use a new --exp-dir.");
    }

    /**
     * Removes what an earlier run of the phase left that a fresh start must not reuse later (its
     * result, checkpoint and best weights), so a fresh run interrupted before its first checkpoint
     * is not mistaken for the earlier one on the next resume.
     */
    static void startOver(PhaseDir dir) {
        try {
            Files.deleteIfExists(dir.result());
            Files.deleteIfExists(dir.checkpoint());
            Files.deleteIfExists(dir.bestModel());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not remove the earlier run's files in " + dir + ": " + e.getMessage(),
                    e);
        }
    }

    private static String resultHash(PhaseDir dir, String phase) {
        return phase.equals(ExperimentDir.SEARCH)
                ? SearchResult.load(dir.result()).confHash()
                : EvalResult.load(dir.result()).confHash();
    }

    private static List<String> diffWithSaved(Conf now, PhaseDir dir, String phase) {
        Path saved = dir.configUsed();
        if (!Files.isRegularFile(saved)) {
            return List.of();
        }
        Conf old;
        try {
            old = Conf.fromYaml(Files.readString(saved), saved.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + saved + ": " + e.getMessage(), e);
        }
        return ConfDiff.between(old, now, ConfFingerprint.relevantTo(phase));
    }
}
