package org.nas4j.core.result;

import com.google.gson.annotations.SerializedName;
import java.nio.file.Path;
import java.util.List;

/**
 * The evaluated network on the test set after its last epoch, saved as {@code eval/test.json}.
 *
 * @param loss mean loss per sample
 * @param top1 fraction of samples whose label has the highest score
 * @param top5 fraction of samples whose label is among the five highest scores
 * @param count number of test samples
 * @param weights whose weights were tested: {@code last} (the last epoch's) or {@code best} (those
 *     of {@code best_model.params}, {@code nas.eval.test_weights}); null in files before version 2,
 *     which tested the last
 * @param epoch the 0-based epoch whose weights were tested; null when unknown (files before version
 *     2)
 */
public record TestResult(
        @SerializedName("loss") double loss,
        @SerializedName("top1") double top1,
        @SerializedName("top5") double top5,
        @SerializedName("count") long count,
        @SerializedName("weights") String weights,
        @SerializedName("epoch") Integer epoch) {

    /** A result of the last epoch's weights, epoch unknown. */
    public TestResult(double loss, double top1, double top5, long count) {
        this(loss, top1, top5, count, null, null);
    }

    /** The document's format tag. */
    public static final String FORMAT = "nas4j.test_result";

    /** The version this code writes. */
    public static final int VERSION = 2;

    /**
     * The versions this code reads (0: written before results were versioned; 1: before {@code
     * weights} and {@code epoch}).
     */
    public static final List<Integer> SUPPORTED_VERSIONS = List.of(0, 1, 2);

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
     * @throws org.nas4j.core.ResultFormatException when it is not a test result this code reads
     */
    public static TestResult load(Path file) {
        return ResultJson.load(file, FORMAT, SUPPORTED_VERSIONS, TestResult.class);
    }

    /** Parses a document; {@code source} names it in error messages. */
    public static TestResult fromJson(String json, String source) {
        return ResultJson.fromJson(json, source, FORMAT, SUPPORTED_VERSIONS, TestResult.class);
    }
}
