package org.nas4j.train;

import java.util.Map;
import org.nas4j.core.ConfException;
import org.nas4j.train.optim.LrScheduleSpec;
import org.nas4j.train.optim.OptimizerSpec;
import org.nas4j.train.optim.SpecValues;

/**
 * The trainer section of a conf ({@code nas.search.trainer}, {@code nas.eval.trainer}).
 *
 * <p>Keys an architecture trainer adds ({@code alpha_optimizer}, {@code bilevel}, ...) are kept in
 * {@link #map()} for it to read; {@code alpha_optimizer} is also parsed when present.
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
 * @param map the whole section as read
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
        Map<String, Object> map) {

    public TrainerSpec {
        map = map == null ? Map.of() : java.util.Collections.unmodifiableMap(map);
    }

    /** Reads the trainer section found at {@code path} (used in messages). */
    public static TrainerSpec fromMap(Map<String, Object> trainerMap, String path) {
        SpecValues v = new SpecValues(trainerMap, path);
        int epochs = v.getInt("epochs", 1);
        int chunks = v.getInt("batch_chunks", 1);
        double smoothing = v.getDouble("label_smoothing", 0.0);
        double drop = v.getDouble("drop_path_prob", 0.0);
        if (epochs < 0 || chunks < 1) {
            throw new ConfException(
                    "The keys '"
                            + v.at("epochs")
                            + "' ("
                            + epochs
                            + ") and '"
                            + v.at("batch_chunks")
                            + "' ("
                            + chunks
                            + ") must be >= 0 and >= 1.");
        }
        if (smoothing < 0 || smoothing >= 1 || drop < 0 || drop >= 1) {
            throw new ConfException(
                    "The keys '"
                            + v.at("label_smoothing")
                            + "' ("
                            + smoothing
                            + ") and '"
                            + v.at("drop_path_prob")
                            + "' ("
                            + drop
                            + ") must lie in [0, 1).");
        }
        Map<String, Object> opt = v.getMap("optimizer");
        if (opt == null) {
            throw new ConfException("The section '" + v.at("optimizer") + "' is required.");
        }
        Map<String, Object> sched = v.getMap("lr_schedule");
        Map<String, Object> alpha = v.getMap("alpha_optimizer");
        return new TrainerSpec(
                epochs,
                chunks,
                v.getDouble("grad_clip", 0.0),
                smoothing,
                v.getDouble("aux_weight", 0.0),
                drop,
                OptimizerSpec.fromMap(opt, v.at("optimizer")),
                sched == null
                        ? LrScheduleSpec.constant()
                        : LrScheduleSpec.fromMap(sched, v.at("lr_schedule")),
                alpha == null ? null : OptimizerSpec.fromMap(alpha, v.at("alpha_optimizer")),
                trainerMap);
    }

    /** Reads a trainer section (messages call it {@code trainer}). */
    public static TrainerSpec fromMap(Map<String, Object> trainerMap) {
        return fromMap(trainerMap, "trainer");
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
                map);
    }
}
