package org.nas4j.eval;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nas4j.core.ExperimentDir;
import org.nas4j.core.NasException;
import org.nas4j.core.PhaseDir;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.ops.OpRegistry;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.train.data.Dataset;
import org.nas4j.train.data.DatasetSpec;
import org.nas4j.train.data.ImageTransform;

/**
 * Predicts classes with the network a finished experiment trained: its {@code
 * eval/full_model_desc.json}, {@code eval/model.params} and the normalisation of its {@code
 * eval/config_used.yaml}, in inference mode on the CPU.
 *
 * <pre>{@code
 * try (Predictor p = Predictor.open(Path.of("runs/darts_toy"))) {
 *     Dataset images = IdxReader.readImages(Path.of("t10k-images-idx3-ubyte.gz"), p.datasetSpec());
 *     List<Predictor.Prediction> out = p.predict(images);
 * }
 * }</pre>
 */
public final class Predictor implements AutoCloseable {
    private static final int BATCH = 256;

    /**
     * One image's prediction.
     *
     * @param index the image's position in its input
     * @param label the most probable class (the lower index on ties)
     * @param probability its softmax probability
     * @param top the classes by decreasing probability (at most five)
     * @param topProbability their probabilities
     */
    public record Prediction(
            int index, int label, double probability, int[] top, double[] topProbability) {}

    private final NDManager manager;
    private final ModelBlock block;
    private final DatasetSpec spec;
    private final ModelDesc desc;

    private Predictor(NDManager manager, ModelBlock block, DatasetSpec spec, ModelDesc desc) {
        this.manager = manager;
        this.block = block;
        this.spec = spec;
        this.desc = desc;
    }

    /**
     * Loads the trained network of {@code expDir}.
     *
     * @throws NasException when the experiment has no finished evaluation
     */
    public static Predictor open(Path expDir, OpRegistry registry) {
        PhaseDir eval = ExperimentDir.of(expDir).eval();
        Path descFile = eval.fullDesc();
        Path params = Evaluater.testedWeightsFile(eval); // the weights the recorded test used
        Path confFile = eval.configUsed();
        for (Path f : List.of(descFile, params, confFile)) {
            if (!Files.isRegularFile(f)) {
                throw new NasException(
                        "Cannot predict with "
                                + expDir
                                + ": "
                                + f
                                + " does not exist. Prediction needs a finished eval phase.");
            }
        }
        Conf conf;
        try {
            conf = Conf.fromYaml(Files.readString(confFile), confFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + confFile, e);
        }
        DatasetSpec spec = DatasetSpec.fromConf(conf.child("nas.eval.loader.dataset"));
        ModelDesc desc = DescJson.load(descFile);
        NDManager manager = NDManager.newBaseManager(Device.cpu());
        try {
            ModelBlock block = new ModelBlock(desc, registry);
            List<Integer> in = desc.inputShape();
            block.initialize(
                    manager, DataType.FLOAT32, new Shape(1, in.get(0), in.get(1), in.get(2)));
            block.loadWeights(params);
            return new Predictor(manager, block, spec, desc);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The dataset settings the network was trained with (image size, channels, normalisation). */
    public DatasetSpec datasetSpec() {
        return spec;
    }

    /** Predicts every image of {@code images}. */
    public List<Prediction> predict(Dataset images) {
        org.nas4j.train.Devices.gradModeOffOnThisThread(); // no graph recorded on any thread
        List<Integer> in = desc.inputShape();
        if (images.channels() != in.get(0)
                || images.height() != in.get(1)
                || images.width() != in.get(2)) {
            throw new NasException(
                    "The images of "
                            + images.name()
                            + " are "
                            + images.channels()
                            + "x"
                            + images.height()
                            + "x"
                            + images.width()
                            + " but the network takes "
                            + in.get(0)
                            + "x"
                            + in.get(1)
                            + "x"
                            + in.get(2)
                            + ".");
        }
        ImageTransform tf = ImageTransform.plain(spec);
        int per = images.channels() * images.height() * images.width();
        byte[] scratch = new byte[per];
        SplittableRandom unused = new SplittableRandom(0);
        List<Prediction> out = new ArrayList<>(images.size());
        for (int from = 0; from < images.size(); from += BATCH) {
            int n = Math.min(BATCH, images.size() - from);
            float[] x = new float[n * per];
            for (int i = 0; i < n; i++) {
                tf.apply(images, from + i, x, i * per, unused, scratch);
            }
            try (NDManager m = manager.newSubManager()) {
                NDArray batch =
                        m.create(
                                x,
                                new Shape(n, images.channels(), images.height(), images.width()));
                NDList logits =
                        block.forward(new ParameterStore(m, false), new NDList(batch), false);
                float[] p = logits.get(0).softmax(1).toFloatArray();
                int k = p.length / n;
                for (int i = 0; i < n; i++) {
                    out.add(prediction(from + i, p, i * k, k));
                }
            }
        }
        return out;
    }

    private static Prediction prediction(int index, float[] p, int off, int k) {
        int top = Math.min(5, k);
        int[] cls = new int[top];
        double[] prob = new double[top];
        boolean[] taken = new boolean[k];
        for (int t = 0; t < top; t++) {
            int best = -1;
            for (int j = 0; j < k; j++) {
                if (!taken[j] && (best < 0 || p[off + j] > p[off + best])) {
                    best = j;
                }
            }
            taken[best] = true;
            cls[t] = best;
            prob[t] = p[off + best];
        }
        return new Prediction(index, cls[0], prob[0], cls, prob);
    }

    @Override
    public void close() {
        manager.close();
    }
}
