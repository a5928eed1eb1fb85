package org.nas4j.core.result;

import com.google.gson.annotations.SerializedName;
import java.nio.file.Path;
import java.util.List;

/**
 * An experiment summed up, saved as {@code summary.json} at the top of the experiment directory.
 *
 * @param algo the algorithm's name
 * @param dataset the dataset's name
 * @param seed the run's seed
 * @param mode toy, full or the preset's name
 * @param search the search's result, or null when the search did not run
 * @param eval the evaluation's result, or null when the evaluation did not run
 * @param versions what the run ran on, or null when not recorded
 */
public record ExperimentSummary(
        @SerializedName("algo") String algo,
        @SerializedName("dataset") String dataset,
        @SerializedName("seed") long seed,
        @SerializedName("mode") String mode,
        @SerializedName("search") SearchResult search,
        @SerializedName("eval") EvalResult eval,
        @SerializedName("versions") Versions versions) {

    /** The document's format tag. */
    public static final String FORMAT = "nas4j.experiment_summary";

    /** The version this code writes. */
    public static final int VERSION = 2;

    /**
     * The versions this code reads (0: written before results were versioned; 1: before the
     * search's and evaluation's best epoch, tested weights and conf hash).
     */
    public static final List<Integer> SUPPORTED_VERSIONS = List.of(0, 1, 2);

    /**
     * The software an experiment ran on; any may be null when unknown.
     *
     * @param nas4j nas4j's version
     * @param djl DJL's version
     * @param java the Java runtime's version
     * @param gitCommit the source checkout's commit
     * @param gitState {@code clean} or {@code dirty}
     * @param libtorch libtorch's version and where it came from (see {@code Provenance}); null in
     *     summaries written before it was recorded
     * @param device the device the phases trained on; null likewise
     */
    public record Versions(
            @SerializedName("nas4j") String nas4j,
            @SerializedName("djl") String djl,
            @SerializedName("java") String java,
            @SerializedName("git_commit") String gitCommit,
            @SerializedName("git_state") String gitState,
            @SerializedName("libtorch") String libtorch,
            @SerializedName("device") String device) {}

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
     * @throws org.nas4j.core.ResultFormatException when it is not a summary this code reads
     */
    public static ExperimentSummary load(Path file) {
        return ResultJson.load(file, FORMAT, SUPPORTED_VERSIONS, ExperimentSummary.class);
    }

    /** Parses a document; {@code source} names it in error messages. */
    public static ExperimentSummary fromJson(String json, String source) {
        return ResultJson.fromJson(
                json, source, FORMAT, SUPPORTED_VERSIONS, ExperimentSummary.class);
    }
}
