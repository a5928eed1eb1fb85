package org.nas4j.core.result;

import com.google.gson.annotations.SerializedName;
import java.nio.file.Path;
import java.util.List;

/**
 * What a finished search recorded, saved as {@code search/result.json} and in {@code summary.json}.
 *
 * @param wallS seconds the phase took
 * @param epochs epochs trained
 * @param genotype the final architecture in DARTS genotype notation, or null when its cells do not
 *     fit that notation
 * @param supernetParams ordinary weights of the supernet
 * @param valTop1 the supernet's validation top-1 after the last epoch, or null when not measured
 * @param best the best epoch by {@code trainer.best_metric}, whose weights are in {@code
 *     best_model.params}; null when no metric was set (or in files before version 2)
 * @param confHash hash of the conf the phase ran with, minus the keys that may change on resume
 *     (see {@code ConfFingerprint}); null in files before version 2
 */
public record SearchResult(
        @SerializedName("wall_s") double wallS,
        @SerializedName("epochs") int epochs,
        @SerializedName("genotype") String genotype,
        @SerializedName("supernet_params") long supernetParams,
        @SerializedName("val_top1") Double valTop1,
        @SerializedName("best") BestEpoch best,
        @SerializedName("conf_hash") String confHash) {

    /** A result without a best epoch or conf hash. */
    public SearchResult(
            double wallS, int epochs, String genotype, long supernetParams, Double valTop1) {
        this(wallS, epochs, genotype, supernetParams, valTop1, null, null);
    }

    /** The document's format tag. */
    public static final String FORMAT = "nas4j.search_result";

    /** The version this code writes. */
    public static final int VERSION = 2;

    /**
     * The versions this code reads (0: written before results were versioned; 1: before {@code
     * best} and {@code conf_hash}).
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
     * @throws org.nas4j.core.ResultFormatException when it is not a search result this code reads
     */
    public static SearchResult load(Path file) {
        return ResultJson.load(file, FORMAT, SUPPORTED_VERSIONS, SearchResult.class);
    }

    /** Parses a document; {@code source} names it in error messages. */
    public static SearchResult fromJson(String json, String source) {
        return ResultJson.fromJson(json, source, FORMAT, SUPPORTED_VERSIONS, SearchResult.class);
    }
}
