package org.nas4j.core;

import java.nio.file.Path;

/**
 * The layout of one phase's directory ({@code search/} or {@code eval/} of an {@link
 * ExperimentDir}). Both phases share the run files (conf used, provenance, log, metrics,
 * checkpoints, result); the search adds the architecture-weight history and its two descs, the
 * evaluation the full desc, the trained weights and the test metrics.
 */
public final class PhaseDir {
    /** Record of a finished phase; written last, so its presence means the phase is done. */
    public static final String RESULT = "result.json";

    /** The resolved conf the phase ran with. */
    public static final String CONFIG_USED = "config_used.yaml";

    /** Versions, command line and seed of the run. */
    public static final String PROVENANCE = "provenance.json";

    /** Human-readable training log. */
    public static final String LOG = "log.txt";

    /** Per-epoch training metrics. */
    public static final String METRICS = "metrics.json";

    /** Directory of the per-epoch checkpoint. */
    public static final String CHECKPOINT_DIR = "checkpoint";

    /** The checkpoint file inside {@link #CHECKPOINT_DIR}. */
    public static final String CHECKPOINT_FILE = "checkpoint.bin";

    /** Architecture weights per epoch, one JSON line each (search). */
    public static final String ALPHAS = "alphas.jsonl";

    /** The supernet with its learnt architecture weights (search). */
    public static final String SEARCH_DESC = "search_model_desc.json";

    /** The finalized architecture (search). */
    public static final String FINAL_DESC = "final_model_desc.json";

    /** The evaluated network (eval). */
    public static final String FULL_DESC = "full_model_desc.json";

    /** Trained weights of the evaluated network (eval). */
    public static final String MODEL_PARAMS = "model.params";

    /** The weights of the best epoch by {@code trainer.best_metric}, when one is set. */
    public static final String BEST_MODEL = "best_model.params";

    /** Test-set metrics of the evaluated network (eval). */
    public static final String TEST_RESULT = "test.json";

    private final Path dir;

    private PhaseDir(Path dir) {
        this.dir = dir;
    }

    /** The layout of the phase directory {@code dir} (which need not exist yet). */
    public static PhaseDir of(Path dir) {
        if (dir == null) {
            throw new NasException("A phase directory is needed, but none was given.");
        }
        return new PhaseDir(dir);
    }

    /** The phase directory itself. */
    public Path dir() {
        return dir;
    }

    /** {@code result.json}. */
    public Path result() {
        return dir.resolve(RESULT);
    }

    /** {@code config_used.yaml}. */
    public Path configUsed() {
        return dir.resolve(CONFIG_USED);
    }

    /** {@code provenance.json}. */
    public Path provenance() {
        return dir.resolve(PROVENANCE);
    }

    /** {@code log.txt}. */
    public Path log() {
        return dir.resolve(LOG);
    }

    /** {@code metrics.json}. */
    public Path metrics() {
        return dir.resolve(METRICS);
    }

    /** {@code checkpoint/}. */
    public Path checkpointDir() {
        return dir.resolve(CHECKPOINT_DIR);
    }

    /** {@code checkpoint/checkpoint.bin}. */
    public Path checkpoint() {
        return checkpointDir().resolve(CHECKPOINT_FILE);
    }

    /** {@code alphas.jsonl} (search). */
    public Path alphas() {
        return dir.resolve(ALPHAS);
    }

    /** {@code search_model_desc.json} (search). */
    public Path searchDesc() {
        return dir.resolve(SEARCH_DESC);
    }

    /** {@code final_model_desc.json} (search). */
    public Path finalDesc() {
        return dir.resolve(FINAL_DESC);
    }

    /** {@code full_model_desc.json} (eval). */
    public Path fullDesc() {
        return dir.resolve(FULL_DESC);
    }

    /** {@code model.params} (eval). */
    public Path modelParams() {
        return dir.resolve(MODEL_PARAMS);
    }

    /** {@value #BEST_MODEL}: the best epoch's weights (with {@code trainer.best_metric}). */
    public Path bestModel() {
        return dir.resolve(BEST_MODEL);
    }

    /** {@code test.json} (eval). */
    public Path testResult() {
        return dir.resolve(TEST_RESULT);
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
