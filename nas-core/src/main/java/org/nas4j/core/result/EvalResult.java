package org.nas4j.core.result;

import com.google.gson.annotations.SerializedName;
import java.nio.file.Path;
import java.util.List;

/**
 * What a finished evaluation recorded, saved as {@code eval/result.json} and in {@code
 * summary.json}.
 *
 * @param wallS seconds the phase took
 * @param epochs epochs trained
 * @param params ordinary weights of the network (aux tower included)
 * @param macs multiply-adds of one forward pass on one sample
 * @param testTop1 test-set top-1 accuracy, a fraction
 * @param testTop5 test-set top-5 accuracy, a fraction
 * @param testLoss mean test-set loss per sample
 * @param imagesPerS training throughput of the last epoch
 * @param best the best epoch by {@code trainer.best_metric}, whose weights are in {@code
 *     best_model.params}; null when no metric was set (or in files before version 2)
 * @param testWeights whose weights the test figures above are: {@code last} (the last epoch's) or
 *     {@code best} ({@code nas.eval.test_weights}); null in files before version 3, which tested
 *     the last
 * @param confHash hash of the conf the phase ran with, minus the keys that may change on resume
 *     (see {@code ConfFingerprint}); null in files before version 3
 */
public record EvalResult(
        @SerializedName("wall_s") double wallS,
        @SerializedName("epochs") int epochs,
        @SerializedName("params") long params,
        @SerializedName("macs") long macs,
        @SerializedName("test_top1") double testTop1,
        @SerializedName("test_top5") double testTop5,
        @SerializedName("test_loss") double testLoss,
        @SerializedName("images_per_s") double imagesPerS,
        @SerializedName("best") BestEpoch best,
        @SerializedName("test_weights") String testWeights,
        @SerializedName("conf_hash") String confHash) {

    /** A result without a best epoch (no {@code trainer.best_metric}). */
    public EvalResult(
            double wallS,
            int epochs,
            long params,
            long macs,
            double testTop1,
            double testTop5,
            double testLoss,
            double imagesPerS) {
        this(
                wallS,
                epochs,
                params,
                macs,
                testTop1,
                testTop5,
                testLoss,
                imagesPerS,
                null,
                null,
                null);
    }

    /** Whose weights were tested: {@code last} or {@code best} ({@code last} in older files). */
    public String testedWeights() {
        return testWeights == null ? "last" : testWeights;
    }

    /** The document's format tag. */
    public static final String FORMAT = "nas4j.eval_result";

    /** The version this code writes. */
    public static final int VERSION = 3;

    /**
     * The versions this code reads (0: written before results were versioned; 1: before {@code
     * best}; 2: before {@code test_weights} and {@code conf_hash}).
     */
    public static final List<Integer> SUPPORTED_VERSIONS = List.of(0, 1, 2, 3);

    /** Writes this record to {@code file} atomically. */
    public void save(Path file) {
        ResultJson.save(file, this, FORMAT, VERSION);
    }

    /** This record as a JSON document. */
    public String toJson() {
        return ResultJson.toJson(this, FORMAT, VERSION);
    }

    /**
     * Reads the record in {@code file}.
     *
     * @throws org.nas4j.core.ResultFormatException when it is not an eval result this code reads
     */
    public static EvalResult load(Path file) {
        return ResultJson.load(file, FORMAT, SUPPORTED_VERSIONS, EvalResult.class);
    }

    /** Parses a document; {@code source} names it in error messages. */
    public static EvalResult fromJson(String json, String source) {
        return ResultJson.fromJson(json, source, FORMAT, SUPPORTED_VERSIONS, EvalResult.class);
    }
}
