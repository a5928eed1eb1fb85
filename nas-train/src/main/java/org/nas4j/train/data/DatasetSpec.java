package org.nas4j.train.data;

import java.nio.file.Path;
import java.util.List;
import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;

/**
 * What a dataset is and how its images are normalised and augmented: the {@code dataset} section of
 * a conf ({@code confs/datasets/*.yaml}).
 *
 * @param name loader to use: {@code fashion_mnist | mnist | cifar10 | cifar100 | synthetic}
 * @param format on-disk format: {@code idx | cifar_bin | generated}
 * @param dataroot directory holding the files ({@code ~} expands to the home directory)
 * @param nClasses number of labels
 * @param channels input channels
 * @param imgSize input height and width
 * @param mean per-channel mean of pixels scaled to 0..1
 * @param std per-channel standard deviation of pixels scaled to 0..1
 * @param cropPadding zero padding of the random crop when augmenting (0 = no crop)
 * @param hflip random horizontal flips when augmenting
 * @param nTrain training samples of the synthetic dataset (0 for files)
 * @param nTest test samples of the synthetic dataset (0 for files)
 */
public record DatasetSpec(
        String name,
        String format,
        String dataroot,
        int nClasses,
        int channels,
        int imgSize,
        List<Double> mean,
        List<Double> std,
        int cropPadding,
        boolean hflip,
        int nTrain,
        int nTest) {

    /** Validates values, naming the {@code dataset.<key>} that is wrong. */
    public DatasetSpec {
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        positive("n_classes", nClasses);
        positive("channels", channels);
        positive("img_size", imgSize);
        if (mean.size() != channels) {
            throw new ConfException(
                    "The conf key 'dataset.mean' has "
                            + mean.size()
                            + " values "
                            + mean
                            + " but dataset.channels is "
                            + channels
                            + "; give one mean per channel.");
        }
        if (std.size() != channels) {
            throw new ConfException(
                    "The conf key 'dataset.std' has "
                            + std.size()
                            + " values "
                            + std
                            + " but dataset.channels is "
                            + channels
                            + "; give one standard deviation per channel.");
        }
        for (double s : std) {
            if (!(s > 0)) {
                throw new ConfException(
                        "The conf key 'dataset.std' is " + std + " but every value must be > 0.");
            }
        }
        if (cropPadding < 0) {
            throw new ConfException(
                    "The conf key 'dataset.crop_padding' is " + cropPadding + " but must be >= 0.");
        }
        if (nTrain < 0 || nTest < 0) {
            throw new ConfException(
                    "The conf keys 'dataset.n_train' and 'dataset.n_test' are "
                            + nTrain
                            + " and "
                            + nTest
                            + " but must be >= 0.");
        }
    }

    private static void positive(String key, int value) {
        if (value < 1) {
            throw new ConfException(
                    "The conf key 'dataset." + key + "' is " + value + " but must be >= 1.");
        }
    }

    /**
     * Reads the {@code dataset} section of a conf ({@code nas.<phase>.loader.dataset}, copied from
     * the top-level {@code dataset}).
     *
     * @throws ConfException naming the key and its file when a key is missing, ill-typed or out of
     *     range
     */
    public static DatasetSpec fromConf(Conf dataset) {
        String name = dataset.getString("name");
        boolean synthetic = Datasets.SYNTHETIC.equals(name);
        String format = dataset.getString("format");
        String dataroot = dataset.getString("dataroot");
        int nClasses = dataset.getInt("n_classes");
        int channels = dataset.getInt("channels");
        int imgSize = dataset.getInt("img_size");
        List<Double> mean = dataset.getDoubleList("mean");
        List<Double> std = dataset.getDoubleList("std");
        int cropPadding = dataset.getInt("crop_padding");
        boolean hflip = dataset.getBool("hflip");
        int nTrain = synthetic ? dataset.getInt("n_train") : dataset.getInt("n_train", 0);
        int nTest = synthetic ? dataset.getInt("n_test") : dataset.getInt("n_test", 0);
        return dataset.validated(
                () ->
                        new DatasetSpec(
                                name,
                                format,
                                dataroot,
                                nClasses,
                                channels,
                                imgSize,
                                mean,
                                std,
                                cropPadding,
                                hflip,
                                nTrain,
                                nTest));
    }

    /** The data directory with a leading {@code ~} expanded to the user's home. */
    public Path dataDir() {
        String root = dataroot;
        if (root.equals("~") || root.startsWith("~/")) {
            root = System.getProperty("user.home") + root.substring(1);
        }
        return Path.of(root);
    }

    /** Per-channel means as floats. */
    float[] meanArray() {
        return toFloats(mean);
    }

    /** Per-channel standard deviations as floats. */
    float[] stdArray() {
        return toFloats(std);
    }

    private static float[] toFloats(List<Double> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).floatValue();
        }
        return out;
    }
}
