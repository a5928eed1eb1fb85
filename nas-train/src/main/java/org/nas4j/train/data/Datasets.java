package org.nas4j.train.data;

import java.util.List;
import org.nas4j.core.ConfException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the dataset a {@link DatasetSpec} names. */
public final class Datasets {
    /** {@code dataset.name} of Fashion-MNIST (IDX files). */
    public static final String FASHION_MNIST = "fashion_mnist";

    /** {@code dataset.name} of MNIST (IDX files). */
    public static final String MNIST = "mnist";

    /** {@code dataset.name} of CIFAR-10 (binary version). */
    public static final String CIFAR10 = "cifar10";

    /** {@code dataset.name} of CIFAR-100 (binary version, fine labels). */
    public static final String CIFAR100 = "cifar100";

    /** {@code dataset.name} of the generated dataset for tests. */
    public static final String SYNTHETIC = "synthetic";

    /** Every known {@code dataset.name}. */
    public static final List<String> NAMES =
            List.of(FASHION_MNIST, MNIST, CIFAR10, CIFAR100, SYNTHETIC);

    private static final Logger LOG = LoggerFactory.getLogger(Datasets.class);

    private Datasets() {}

    /**
     * The training ({@code train = true}) or test split of the spec's dataset, in memory.
     *
     * @param seed generates the synthetic dataset; unused for datasets read from files
     * @throws ConfException when the name is unknown or the format does not fit it
     * @throws org.nas4j.core.NasException when files are missing, truncated or corrupt
     */
    public static Dataset load(DatasetSpec spec, boolean train, long seed) {
        long start = System.nanoTime();
        Dataset dataset =
                switch (spec.name()) {
                    case FASHION_MNIST, MNIST -> {
                        requireFormat(spec, "idx");
                        yield IdxReader.read(spec, train);
                    }
                    case CIFAR10 -> {
                        requireFormat(spec, "cifar_bin");
                        yield CifarReader.readCifar10(spec, train);
                    }
                    case CIFAR100 -> {
                        requireFormat(spec, "cifar_bin");
                        yield CifarReader.readCifar100(spec, train);
                    }
                    case SYNTHETIC -> {
                        requireFormat(spec, "generated");
                        yield SyntheticDataset.generate(spec, train, seed);
                    }
                    default ->
                            throw new ConfException(
                                    "The conf key 'dataset.name' is '"
                                            + spec.name()
                                            + "' but known datasets are "
                                            + NAMES
                                            + ".");
                };
        LOG.info("Loaded {} in {} ms", dataset, (System.nanoTime() - start) / 1_000_000);
        return dataset;
    }

    private static void requireFormat(DatasetSpec spec, String format) {
        if (!spec.format().equals(format)) {
            throw new ConfException(
                    "The conf key 'dataset.format' is '"
                            + spec.format()
                            + "' but dataset '"
                            + spec.name()
                            + "' is read as '"
                            + format
                            + "'.");
        }
    }
}
