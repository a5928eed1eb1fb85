package org.nas4j.cli.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.NasException;

/**
 * The per-epoch metrics of one phase, read from its {@code metrics.json} ({@code {"epochs":
 * [{"epoch", "lr", "imagesPerSec", "epochSeconds", "train": {"loss", "top1", ...}, "val", "test"},
 * ...], "best", "last", "global_step"}}, as the trainer's metrics listener writes it).
 *
 * @param epochs the epochs in file order
 */
record MetricsHistory(List<Epoch> epochs) {

    /**
     * Loss and top-1 of one split; absent splits are {@code null} in {@link Epoch}.
     *
     * @param loss mean loss per sample
     * @param top1 fraction correct
     */
    record Split(double loss, double top1) {}

    /**
     * One epoch's row.
     *
     * @param epoch 0-based index
     * @param lr learning rate, NaN if not recorded
     * @param imagesPerSec training throughput, NaN if not recorded
     * @param epochSeconds wall time, NaN if not recorded
     * @param train training split, or null
     * @param val validation split, or null
     * @param test test split, or null
     */
    record Epoch(
            int epoch,
            double lr,
            double imagesPerSec,
            double epochSeconds,
            Split train,
            Split val,
            Split test) {}

    MetricsHistory {
        epochs = List.copyOf(epochs);
    }

    /** Reads {@code file}; a malformed file is an error that names it. */
    static MetricsHistory load(Path file) {
        JsonObject root = JsonFiles.object(file);
        JsonElement arr = root.get("epochs");
        if (arr == null || !arr.isJsonArray()) {
            throw new NasException(
                    file
                            + " has no \"epochs\" array; a metrics file written by the trainer"
                            + " starts {\"epochs\": [...]}.");
        }
        List<Epoch> out = new ArrayList<>();
        JsonArray a = arr.getAsJsonArray();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isJsonObject()) {
                throw new NasException(file + ": $.epochs[" + i + "] is not an object.");
            }
            JsonObject e = a.get(i).getAsJsonObject();
            out.add(
                    new Epoch(
                            (int) JsonFiles.number(e, i, "epoch"),
                            JsonFiles.number(e, Double.NaN, "lr"),
                            JsonFiles.number(e, Double.NaN, "imagesPerSec", "images_per_s"),
                            JsonFiles.number(e, Double.NaN, "epochSeconds", "epoch_seconds"),
                            split(e.get("train")),
                            split(e.get("val")),
                            split(e.get("test"))));
        }
        return new MetricsHistory(out);
    }

    private static Split split(JsonElement el) {
        if (el == null || !el.isJsonObject()) {
            return null;
        }
        JsonObject o = el.getAsJsonObject();
        return new Split(
                JsonFiles.number(o, Double.NaN, "loss"), JsonFiles.number(o, Double.NaN, "top1"));
    }

    /** Whether any epoch has the split ({@code train}, {@code val} or {@code test}). */
    boolean has(String split) {
        return epochs.stream().anyMatch(e -> pick(e, split) != null);
    }

    /** The split of an epoch by name. */
    static Split pick(Epoch e, String split) {
        return switch (split) {
            case "train" -> e.train();
            case "val" -> e.val();
            case "test" -> e.test();
            default -> throw new IllegalArgumentException(split);
        };
    }
}
