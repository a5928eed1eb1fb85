package org.nas4j.cli.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.nas4j.core.conf.Conf;
import org.nas4j.train.data.Dataset;
import org.nas4j.train.data.DatasetSpec;
import org.nas4j.train.data.Datasets;
import org.nas4j.train.data.ImageTransform;

/** The test split of a dataset conf, normalised as in evaluation, and top-1 of a classifier. */
final class TestSetAccuracy {
    private TestSetAccuracy() {}

    /** The whole test split as one {@code [N, C, H, W]} array in {@code manager}. */
    static NDArray images(NDManager manager, Map<String, Object> datasetConf, long seed) {
        return images(manager, datasetConf, seed, false);
    }

    /** The whole training ({@code train}) or test split as one {@code [N, C, H, W]} array. */
    static NDArray images(
            NDManager manager, Map<String, Object> datasetConf, long seed, boolean train) {
        Dataset ds = Datasets.load(spec(datasetConf), train, seed);
        int per = ds.channels() * ds.height() * ds.width();
        float[] data = new float[ds.size() * per];
        ImageTransform t = ImageTransform.plain(spec(datasetConf));
        byte[] scratch = new byte[per];
        for (int i = 0; i < ds.size(); i++) {
            t.apply(ds, i, data, i * per, new SplittableRandom(0), scratch);
        }
        return manager.create(data, new Shape(ds.size(), ds.channels(), ds.height(), ds.width()));
    }

    /** Fraction of test samples whose label gets the highest logit from {@code classify}. */
    static double top1(
            NDManager manager,
            Map<String, Object> datasetConf,
            long seed,
            Function<NDArray, NDArray> classify) {
        Dataset ds = dataset(datasetConf, seed);
        long[] predicted =
                classify.apply(images(manager, datasetConf, seed)).argMax(1).toLongArray();
        int correct = 0;
        for (int i = 0; i < ds.size(); i++) {
            if (predicted[i] == ds.label(i)) {
                correct++;
            }
        }
        return correct / (double) ds.size();
    }

    /** The labels of the training split. */
    static NDArray trainLabels(NDManager manager, Map<String, Object> datasetConf, long seed) {
        Dataset ds = Datasets.load(spec(datasetConf), true, seed);
        int[] labels = new int[ds.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = ds.label(i);
        }
        return manager.create(labels);
    }

    /**
     * The spec of a dataset section, which may come back from JSON where every number is a double:
     * whole numbers are given to the conf as integers.
     */
    private static DatasetSpec spec(Map<String, Object> datasetConf) {
        Map<String, Object> typed = new java.util.LinkedHashMap<>();
        datasetConf.forEach(
                (k, v) ->
                        typed.put(
                                k, v instanceof Double d && d == Math.rint(d) ? d.longValue() : v));
        return DatasetSpec.fromConf(Conf.of(typed, "dataset"));
    }

    private static Dataset dataset(Map<String, Object> datasetConf, long seed) {
        return Datasets.load(spec(datasetConf), false, seed);
    }
}
