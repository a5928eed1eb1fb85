package org.nas4j.core.result;

import com.google.gson.annotations.SerializedName;

/**
 * The best epoch of a phase by the metric {@code trainer.best_metric} names; its weights are the
 * phase's {@code best_model.params}.
 *
 * @param metric e.g. {@code val.top1}
 * @param mode {@code max} or {@code min}
 * @param epoch 0-based epoch
 * @param value the metric's value there
 */
public record BestEpoch(
        @SerializedName("metric") String metric,
        @SerializedName("mode") String mode,
        @SerializedName("epoch") int epoch,
        @SerializedName("value") double value) {}
