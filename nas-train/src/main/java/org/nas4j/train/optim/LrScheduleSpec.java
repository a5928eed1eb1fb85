package org.nas4j.train.optim;

import java.util.List;
import java.util.Set;
import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;

/**
 * The learning-rate schedule part of a trainer conf ({@code type, min_lr, warmup_epochs, step_size,
 * gamma, milestones}).
 *
 * <p>Schedules change the rate once per epoch, as PyTorch's schedulers stepped per epoch:
 *
 * <ul>
 *   <li>{@code cosine}: {@code min_lr + (lr - min_lr) * (1 + cos(pi * e / T)) / 2}, {@code T} the
 *       epochs after warmup ({@code CosineAnnealingLR});
 *   <li>{@code step}: {@code lr * gamma^floor(e / step_size)} ({@code StepLR});
 *   <li>{@code multi_step}: {@code lr * gamma^(milestones <= e)} ({@code MultiStepLR});
 *   <li>{@code constant}: {@code lr}.
 * </ul>
 *
 * With {@code warmup_epochs = W > 0} the rate first rises linearly per step from {@code lr/(W*S)}
 * to {@code lr} over the first {@code W} epochs ({@code S} steps each); the schedule above then
 * runs with {@code e} counted from the end of warmup.
 *
 * @param type schedule name
 * @param minLr cosine floor
 * @param warmupEpochs linear warmup epochs
 * @param stepSize epochs between decays of {@code step}
 * @param gamma decay factor of {@code step} and {@code multi_step}
 * @param milestones epochs at which {@code multi_step} decays
 */
public record LrScheduleSpec(
        String type,
        double minLr,
        int warmupEpochs,
        int stepSize,
        double gamma,
        List<Integer> milestones) {
    /** The schedule types {@link #create} knows. */
    public static final List<String> TYPES = List.of("cosine", "step", "multi_step", "constant");

    private static final Set<String> KEYS =
            Set.of("type", "min_lr", "warmup_epochs", "step_size", "gamma", "milestones");

    public LrScheduleSpec {
        milestones = List.copyOf(milestones);
    }

    /**
     * Reads a schedule section such as {@code nas.search.trainer.lr_schedule}; errors name the key
     * and its file.
     */
    public static LrScheduleSpec fromConf(Conf v) {
        v.checkKeys(KEYS);
        String type = v.getString("type", "constant").toLowerCase(java.util.Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new ConfException(
                    "Unknown learning-rate schedule '"
                            + type
                            + "' at "
                            + v.where("type")
                            + "; valid types are "
                            + TYPES
                            + ".");
        }
        int warmup = v.getInt("warmup_epochs", 0);
        int stepSize = v.getInt("step_size", 1);
        if (warmup < 0 || stepSize < 1) {
            throw new ConfException(
                    "The keys "
                            + v.where("warmup_epochs")
                            + " ("
                            + warmup
                            + ") and "
                            + v.where("step_size")
                            + " ("
                            + stepSize
                            + ") must be >= 0 and >= 1.");
        }
        List<Integer> milestones = v.getIntList("milestones", List.of());
        if (type.equals("multi_step") && milestones.isEmpty()) {
            throw new ConfException(
                    "The multi_step schedule at "
                            + v.where("type")
                            + " needs a list of 'milestones'.");
        }
        return new LrScheduleSpec(
                type,
                v.getDouble("min_lr", 0.0),
                warmup,
                stepSize,
                v.getDouble("gamma", 0.1),
                milestones);
    }

    /** A constant schedule. */
    public static LrScheduleSpec constant() {
        return new LrScheduleSpec("constant", 0, 0, 1, 0.1, List.of());
    }

    /** The schedule for base rate {@code baseLr} over a run of {@code epochs} epochs. */
    public LrSchedule create(double baseLr, int epochs) {
        int w = warmupEpochs;
        int span = Math.max(1, epochs - w);
        return (epoch, step, stepsPerEpoch) -> {
            if (epoch < w) {
                int s = Math.max(1, stepsPerEpoch);
                return baseLr * (epoch * (double) s + step + 1) / ((double) w * s);
            }
            int e = epoch - w;
            return switch (type) {
                case "cosine" -> minLr + (baseLr - minLr) * (1 + Math.cos(Math.PI * e / span)) / 2;
                case "step" -> baseLr * Math.pow(gamma, Math.floorDiv(e, stepSize));
                case "multi_step" ->
                        baseLr * Math.pow(gamma, milestones.stream().filter(m -> m <= e).count());
                default -> baseLr;
            };
        };
    }
}
