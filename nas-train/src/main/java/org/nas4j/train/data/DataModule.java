package org.nas4j.train.data;

import java.util.Locale;
import org.nas4j.core.ConfException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The train, validation and test streams of one phase, built from the {@code dataset} and {@code
 * nas.<phase>.loader} sections of a conf.
 *
 * <p>The training set is split by {@link Splits#stratified} when {@code val_ratio > 0} (search
 * holds out data for architecture steps this way); otherwise the whole training set is trained on
 * and {@link #val()} is {@code null} (evaluation). The test set is loaded on the first call of
 * {@link #test()}. Only the train stream is shuffled-and-augmented (when {@code aug}); validation
 * is shuffled without augmentation, test is in file order. {@code max_batches} caps train and
 * validation epochs, never the test pass.
 *
 * <pre>{@code
 * try (DataModule data = DataModule.create(datasetSpec, loaderSpec, DataModule.Phase.SEARCH, 2)) {
 *     for (Iterator<HostBatch> it = data.train().epoch(0); it.hasNext(); ) { ... }
 * }
 * }</pre>
 */
public final class DataModule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DataModule.class);

    /** Which part of the pipeline the streams serve. */
    public enum Phase {
        SEARCH,
        EVAL;

        /** The phase named {@code search} or {@code eval} (case-insensitive). */
        public static Phase fromName(String name) {
            for (Phase p : values()) {
                if (p.name().equalsIgnoreCase(name)) {
                    return p;
                }
            }
            throw new ConfException("Unknown phase '" + name + "': use 'search' or 'eval'.");
        }

        /** The conf's lower-case name. */
        public String confName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final DatasetSpec datasetSpec;
    private final LoaderSpec loaderSpec;
    private final Phase phase;
    private final long seed;
    private final Loader train;
    private final Loader val;
    private Loader test;

    private DataModule(DatasetSpec datasetSpec, LoaderSpec loaderSpec, Phase phase, long seed) {
        this.datasetSpec = datasetSpec;
        this.loaderSpec = loaderSpec;
        this.phase = phase;
        this.seed = seed;
        if (loaderSpec.cutout() > 0 && !loaderSpec.aug()) {
            LOG.warn(
                    "nas.{}.loader.cutout is {} but aug is false: cutout is part of augmentation"
                            + " and is not applied.",
                    phase.confName(),
                    loaderSpec.cutout());
        }
        Dataset trainSet = Datasets.load(datasetSpec, true, seed);
        Split split =
                loaderSpec.valRatio() > 0
                        ? Splits.stratified(trainSet.labels(), loaderSpec.valRatio(), seed)
                        : null;
        ImageTransform trainTransform =
                loaderSpec.aug()
                        ? ImageTransform.augmenting(datasetSpec, loaderSpec.cutout())
                        : ImageTransform.plain(datasetSpec);
        this.train =
                loader(trainSet, split == null ? null : split.train(), "train", 1)
                        .optShuffle(true)
                        .setTransform(trainTransform)
                        .optMaxBatches(loaderSpec.maxBatches())
                        .build();
        this.val =
                split == null
                        ? null
                        : loader(trainSet, split.val(), "val", 2)
                                .optShuffle(true)
                                .setTransform(ImageTransform.plain(datasetSpec))
                                .optMaxBatches(loaderSpec.maxBatches())
                                .build();
        LOG.info(
                "{} data: {} train samples, {} validation samples, batch {}",
                phase.confName(),
                train.size(),
                val == null ? 0 : val.size(),
                loaderSpec.batch());
    }

    /**
     * Loads the training set and builds the streams.
     *
     * @param seed seeds the split, the orders, the augmentation and the synthetic dataset
     */
    public static DataModule create(
            DatasetSpec datasetSpec, LoaderSpec loaderSpec, Phase phase, long seed) {
        return new DataModule(datasetSpec, loaderSpec, phase, seed);
    }

    private Loader.Builder loader(Dataset dataset, int[] indices, String part, long stream) {
        return Loader.builder()
                .optName(phase.confName() + "/" + part)
                .setDataset(dataset)
                .optIndices(indices)
                .setBatchSize(loaderSpec.batch())
                .optWorkers(loaderSpec.workers())
                .optSeed(Seeds.mix(seed, phase.ordinal(), stream));
    }

    /** Training batches: shuffled, augmented when {@code aug}, capped by {@code max_batches}. */
    public Loader train() {
        return train;
    }

    /** Held-out validation batches, or {@code null} when {@code val_ratio} is 0. */
    public Loader val() {
        return val;
    }

    /** Test-set batches in file order, never capped; the test set is loaded on first use. */
    public synchronized Loader test() {
        if (test == null) {
            Dataset testSet = Datasets.load(datasetSpec, false, seed);
            test =
                    loader(testSet, null, "test", 3)
                            .setTransform(ImageTransform.plain(datasetSpec))
                            .build();
        }
        return test;
    }

    /** The phase these streams serve. */
    public Phase phase() {
        return phase;
    }

    /** Stops every stream's background threads. */
    @Override
    public synchronized void close() {
        train.close();
        if (val != null) {
            val.close();
        }
        if (test != null) {
            test.close();
        }
    }
}
