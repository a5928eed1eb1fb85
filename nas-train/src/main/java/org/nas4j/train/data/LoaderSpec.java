package org.nas4j.train.data;

import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;

/**
 * How batches of one phase are drawn: the {@code nas.<phase>.loader} section of a conf.
 *
 * @param batch samples per batch
 * @param valRatio share of the training set held out for validation (0 = none)
 * @param aug random crop and flip (and cutout) on training batches
 * @param cutout side of the cutout square in pixels (0 = off; only applied when {@code aug})
 * @param maxBatches cap on batches per epoch of the train and val streams, -1 = all
 * @param workers background threads preparing batches (0 = prepare on the consumer's thread)
 */
public record LoaderSpec(
        int batch, double valRatio, boolean aug, int cutout, int maxBatches, int workers) {

    /** Largest batch: beyond it one batch of even 28x28 images exceeds tens of gigabytes. */
    public static final int MAX_BATCH = 1 << 20;

    /** Most loader threads on this machine: 4 per core. */
    public static int maxWorkers() {
        return 4 * Runtime.getRuntime().availableProcessors();
    }

    /** Validates values, naming the {@code loader.<key>} that is wrong. */
    public LoaderSpec {
        if (batch < 1) {
            throw new ConfException(
                    "The conf key 'loader.batch' is " + batch + " but must be >= 1.");
        }
        if (!(valRatio >= 0 && valRatio < 1)) {
            throw new ConfException(
                    "The conf key 'loader.val_ratio' is "
                            + valRatio
                            + " but must be in [0, 1): the share of training samples held out.");
        }
        if (cutout < 0) {
            throw new ConfException(
                    "The conf key 'loader.cutout' is " + cutout + " but must be >= 0 (0 = off).");
        }
        if (maxBatches == 0 || maxBatches < -1) {
            throw new ConfException(
                    "The conf key 'loader.max_batches' is "
                            + maxBatches
                            + " but must be -1 (all batches) or >= 1.");
        }
        int maxWorkers = maxWorkers();
        if (workers > maxWorkers) {
            throw new ConfException(
                    "The conf key 'loader.workers' is "
                            + workers
                            + " but this machine has "
                            + Runtime.getRuntime().availableProcessors()
                            + " cores: use at most "
                            + maxWorkers
                            + " (4 per core; more threads only wait for each other).");
        }
        if (batch > MAX_BATCH) {
            throw new ConfException(
                    "The conf key 'loader.batch' is "
                            + batch
                            + " but must be at most "
                            + MAX_BATCH
                            + "; for a large effective batch use trainer.batch_chunks.");
        }
        if (workers < 0) {
            throw new ConfException(
                    "The conf key 'loader.workers' is "
                            + workers
                            + " but must be >= 0 (0 = no background threads).");
        }
    }

    /**
     * Reads a {@code nas.<phase>.loader} section; its {@code dataset} sub-section is read by {@link
     * DatasetSpec#fromConf}.
     *
     * @throws ConfException naming the key and file when a key is missing or ill-typed
     */
    public static LoaderSpec fromConf(Conf loader) {
        int batch = loader.getInt("batch");
        double valRatio = loader.getDouble("val_ratio");
        boolean aug = loader.getBool("aug");
        int cutout = loader.getInt("cutout");
        int maxBatches = loader.getInt("max_batches");
        int workers = loader.getInt("workers");
        return loader.validated(
                () -> new LoaderSpec(batch, valRatio, aug, cutout, maxBatches, workers));
    }

    /** This spec with another batch size. */
    public LoaderSpec withBatch(int newBatch) {
        return new LoaderSpec(newBatch, valRatio, aug, cutout, maxBatches, workers);
    }
}
