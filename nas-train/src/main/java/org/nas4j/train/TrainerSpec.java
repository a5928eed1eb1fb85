package org.nas4j.train;

import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;
import org.nas4j.train.optim.LrScheduleSpec;
import org.nas4j.train.optim.OptimizerSpec;

/**
 * The trainer section of a conf ({@code nas.search.trainer}, {@code nas.eval.trainer}).
 *
 * <p>The keys every architecture trainer shares, {@code alpha_optimizer} and {@code
 * arch_warmup_epochs}, are read here when present; an algorithm reads its own keys (such as DARTS's
 * {@code bilevel.order}) from the conf its {@code Algorithm} is given.
 *
 * @param epochs passes over the training split
 * @param batchChunks parts each batch is split into for gradient accumulation
 * @param gradClip global gradient-norm limit, 0 or less for none
 * @param labelSmoothing label smoothing of the cross entropy, 0 for none
 * @param auxWeight weight of the aux tower's loss
 * @param dropPathProb drop-path probability reached at the last epoch (rising linearly from 0)
 * @param optimizer the weight optimizer
 * @param lrSchedule the learning-rate schedule
 * @param alphaOptimizer the architecture-weight optimizer, or {@code null} when the conf has none
 * @param archWarmupEpochs epochs that train the ordinary weights only before architecture steps
 *     start ({@code arch_warmup_epochs}, 0 when absent, as in the DARTS paper)
 * @param checkpointCells the network's first cells recomputed in the backward instead of keeping
 *     their activations ({@code checkpoint_cells}, 0 when absent; evaluation only)
 */
public record TrainerSpec(
        int epochs,
        int batchChunks,
        double gradClip,
        double labelSmoothing,
        double auxWeight,
        double dropPathProb,
        OptimizerSpec optimizer,
        LrScheduleSpec lrSchedule,
        OptimizerSpec alphaOptimizer,
        int archWarmupEpochs,
        int checkpointCells) {

    /** Conf key of the epochs without architecture steps at the start of a search. */
    public static final String ARCH_WARMUP_KEY = "arch_warmup_epochs";

    /** Conf key of the cells recomputed in the backward. */
    public static final String CHECKPOINT_CELLS_KEY = "checkpoint_cells";

    /** The most epochs a phase may ask for: more is taken for a typo, not a plan. */
    public static final int MAX_EPOCHS = 100_000;

    /**
     * Reads a trainer section such as {@code nas.search.trainer}; errors name the key and its file.
     */
    public static TrainerSpec fromConf(Conf v) {
        int epochs = v.getInt("epochs", 1);
        int chunks = v.getInt("batch_chunks", 1);
        double smoothing = v.getDouble("label_smoothing", 0.0);
        double drop = v.getDouble("drop_path_prob", 0.0);
        int archWarmup = v.getInt(ARCH_WARMUP_KEY, 0);
        int checkpointCells = v.getInt(CHECKPOINT_CELLS_KEY, 0);
        if (checkpointCells < 0) {
            throw new ConfException(
                    "Key "
                            + v.where(CHECKPOINT_CELLS_KEY)
                            + " = "
                            + checkpointCells
                            + " must be >= 0 (cells recomputed in the backward; 0 for none).");
        }
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new ConfException(
                    "Key "
                            + v.where("epochs")
                            + " = "
                            + epochs
                            + " is out of range; expected 1.."
                            + MAX_EPOCHS
                            + " (to skip a phase, use --no-search or --no-eval).");
        }
        if (chunks < 1 || archWarmup < 0) {
            throw new ConfException(
                    "The keys "
                            + v.where("batch_chunks")
                            + " ("
                            + chunks
                            + ") and "
                            + v.where(ARCH_WARMUP_KEY)
                            + " ("
                            + archWarmup
                            + ") must be >= 1 and >= 0.");
        }
        if (smoothing < 0 || smoothing >= 1 || drop < 0 || drop >= 1) {
            throw new ConfException(
                    "The keys "
                            + v.where("label_smoothing")
                            + " ("
                            + smoothing
                            + ") and "
                            + v.where("drop_path_prob")
                            + " ("
                            + drop
                            + ") must lie in [0, 1).");
        }
        BestMetric.fromConf(v); // best_metric and best_mode are checked with the section
        CheckpointListener.everyStepsOf(v); // so is checkpoint_every_steps
        if (!v.isSet("optimizer")) {
            throw new ConfException(
                    "The section "
                            + v.where("optimizer")
                            + " is required (e.g. {type: sgd, lr: 0.025}).");
        }
        return new TrainerSpec(
                epochs,
                chunks,
                v.getDouble("grad_clip", 0.0),
                smoothing,
                v.getDouble("aux_weight", 0.0),
                drop,
                OptimizerSpec.fromConf(v.child("optimizer")),
                section(v, "lr_schedule") == null
                        ? LrScheduleSpec.constant()
                        : LrScheduleSpec.fromConf(v.child("lr_schedule")),
                section(v, "alpha_optimizer") == null
                        ? null
                        : OptimizerSpec.fromConf(v.child("alpha_optimizer")),
                archWarmup,
                checkpointCells);
    }

    /** The sub-section {@code key}, or null when it is absent or null. */
    private static Conf section(Conf v, String key) {
        return v.isSet(key) ? v.child(key) : null;
    }

    /** A copy running for {@code n} epochs. */
    public TrainerSpec withEpochs(int n) {
        return new TrainerSpec(
                n,
                batchChunks,
                gradClip,
                labelSmoothing,
                auxWeight,
                dropPathProb,
                optimizer,
                lrSchedule,
                alphaOptimizer,
                archWarmupEpochs,
                checkpointCells);
    }
}
