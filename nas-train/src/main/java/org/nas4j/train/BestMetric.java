package org.nas4j.train;

import java.util.List;
import java.util.Locale;
import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;

/**
 * The metric that picks a phase's best epoch, whose weights are kept as {@code best_model.params}:
 * {@code trainer.best_metric} ({@code val.top1}, {@code val.loss}, {@code train.top1}, ... or
 * {@code none}) and {@code trainer.best_mode} ({@code max}, {@code min}, or {@code auto}: min for a
 * loss, max otherwise), as trainer libraries' "monitor" and "mode".
 *
 * @param split {@code train} or {@code val}
 * @param name {@code loss}, {@code top1} or {@code top5}
 * @param maximize whether a larger value is better
 */
public record BestMetric(String split, String name, boolean maximize) {
    /** Conf key of the metric. */
    public static final String KEY = "best_metric";

    /** Conf key of the mode. */
    public static final String MODE_KEY = "best_mode";

    private static final List<String> SPLITS = List.of("train", "val");
    private static final List<String> NAMES = List.of("loss", "top1", "top5");

    /**
     * The metric a trainer section names, or null for {@code none} (also when the keys are absent).
     *
     * @throws ConfException naming the key, its file and the valid values
     */
    public static BestMetric fromConf(Conf trainer) {
        String metric = trainer.getString(KEY, "none").trim().toLowerCase(Locale.ROOT);
        String mode = trainer.getString(MODE_KEY, "auto").trim().toLowerCase(Locale.ROOT);
        if (!List.of("auto", "max", "min").contains(mode)) {
            throw new ConfException(
                    "Key " + trainer.where(MODE_KEY) + " = '" + mode + "'; valid: auto, max, min.");
        }
        if (metric.equals("none")) {
            return null;
        }
        String[] parts = metric.split("\\.", -1);
        if (parts.length != 2 || !SPLITS.contains(parts[0]) || !NAMES.contains(parts[1])) {
            throw new ConfException(
                    "Key "
                            + trainer.where(KEY)
                            + " = '"
                            + metric
                            + "' is not a metric; valid: none, or one of "
                            + SPLITS
                            + " then '.' then one of "
                            + NAMES
                            + " (e.g. val.top1, val.loss).");
        }
        boolean max = mode.equals("auto") ? !parts[1].equals("loss") : mode.equals("max");
        return new BestMetric(parts[0], parts[1], max);
    }

    /** The metric's value in {@code m}, or NaN when the epoch did not measure its split. */
    public double of(EpochMetrics m) {
        SplitMetrics s = split.equals("val") ? m.val() : m.train();
        if (s == null) {
            return Double.NaN;
        }
        return switch (name) {
            case "loss" -> s.loss();
            case "top1" -> s.top1();
            default -> s.top5();
        };
    }

    /** Whether {@code value} beats {@code best} (NaN never does; anything beats NaN). */
    public boolean better(double value, double best) {
        if (Double.isNaN(value)) {
            return false;
        }
        return Double.isNaN(best) || (maximize ? value > best : value < best);
    }

    /** {@code val.top1}. */
    public String label() {
        return split + "." + name;
    }

    /** {@code max} or {@code min}. */
    public String mode() {
        return maximize ? "max" : "min";
    }
}
