package org.nas4j.train.data;

import java.util.Map;
import org.nas4j.core.ConfException;

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
        if (workers < 0) {
            throw new ConfException(
                    "The conf key 'loader.workers' is "
                            + workers
                            + " but must be >= 0 (0 = no background threads).");
        }
    }

    /**
     * Reads a {@code loader} section given as a plain map; a {@code dataset} entry in it is
     * ignored.
     *
     * @throws ConfException naming {@code loader.<key>} when a key is missing or ill-typed
     */
    public static LoaderSpec fromMap(Map<String, Object> loaderMap) {
        SpecValues v = new SpecValues(loaderMap, "loader");
        return new LoaderSpec(
                v.integer("batch"),
                v.decimal("val_ratio"),
                v.bool("aug"),
                v.integer("cutout"),
                v.integer("max_batches"),
                v.integer("workers"));
    }

    /** This spec with another batch size. */
    public LoaderSpec withBatch(int newBatch) {
        return new LoaderSpec(newBatch, valRatio, aug, cutout, maxBatches, workers);
    }
}
