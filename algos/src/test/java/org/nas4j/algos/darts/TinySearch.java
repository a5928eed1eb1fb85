package org.nas4j.algos.darts;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.search.Algorithms;
import org.nas4j.train.data.BatchStream;
import org.nas4j.train.data.HostBatch;

/**
 * A tiny DARTS supernet on synthetic 1x8x8 images of 4 classes, for the trainer tests of DARTS and
 * of the other algorithms of the family.
 */
public final class TinySearch {
    public static final int CLASSES = 4;
    public static final List<String> SMOOTH = List.of("avg_pool_3x3", "skip_connect", "none");

    /** The eight DARTS primitives. */
    public static final List<String> DARTS =
            List.of(
                    "max_pool_3x3",
                    "avg_pool_3x3",
                    "skip_connect",
                    "sep_conv_3x3",
                    "sep_conv_5x5",
                    "dil_conv_3x3",
                    "dil_conv_5x5",
                    "none");

    public static final List<String> MIXED =
            List.of("max_pool_3x3", "sep_conv_3x3", "skip_connect", "none");

    private TinySearch() {}

    /** A supernet desc: {@code nCells} cells of 2 nodes, 4 channels, the given primitives. */
    public static ModelDesc desc(List<String> primitives, int nCells, int nReductions) {
        return desc(new DartsModelDescBuilder(), primitives, nCells, nReductions);
    }

    /**
     * The same supernet built by {@code builder} (another algorithm's edge op on the same cells).
     */
    public static ModelDesc desc(
            ModelDescBuilder builder, List<String> primitives, int nCells, int nReductions) {
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("dataset", Map.of("n_classes", CLASSES, "channels", 1, "img_size", 8));
        md.put("n_cells", nCells);
        md.put("n_reductions", nReductions);
        md.put("init_node_ch", 4);
        md.put("stem_multiplier", 1);
        md.put("n_nodes", 2);
        md.put("out_nodes", 2);
        md.put("model_stem0_op", "stem_conv3x3");
        md.put("model_stem1_op", "stem_conv3x3");
        md.put("cell_post_op", "concate_channels");
        md.put("model_post_op", "pool_adaptive_avg2d");
        md.put("logits_op", "linear");
        md.put("aux_weight", 0.0);
        md.put("primitives", primitives);
        return builder.build(Conf.of(md, "test"), "search", null);
    }

    /** The network of {@code desc}, initialised in {@code manager} from seed {@code seed}. */
    public static ModelBlock model(ModelDesc desc, NDManager manager, DataType type, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        ModelBlock m = new ModelBlock(desc, Algorithms.installed().opRegistry());
        m.initialize(manager, type, new Shape(1, 1, 8, 8));
        return m;
    }

    /** {@code trainer} as the {@code nas.search.trainer} section of a conf. */
    static Conf trainerConf(Map<String, Object> trainer) {
        return Conf.of(Map.of("nas", Map.of("search", Map.of("trainer", trainer))), "test")
                .child("nas.search.trainer");
    }

    /** A trainer section as in darts.yaml, with {@code order} and {@code epochs}. */
    static Map<String, Object> trainerMap(String order, int epochs) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("epochs", epochs);
        t.put("batch_chunks", 1);
        t.put("grad_clip", 5.0);
        t.put(
                "optimizer",
                Map.of(
                        "type",
                        "sgd",
                        "lr",
                        0.025,
                        "momentum",
                        0.9,
                        "nesterov",
                        false,
                        "decay",
                        3e-4));
        t.put("lr_schedule", Map.of("type", "cosine", "min_lr", 0.001));
        t.put(
                "alpha_optimizer",
                Map.of("type", "adam", "lr", 3e-4, "betas", List.of(0.5, 0.999), "decay", 1e-3));
        t.put("bilevel", Map.of("order", order));
        return t;
    }

    /** Class k: bright quadrant k plus noise; the order of epoch e depends on (seed, e). */
    public static final class Stream implements BatchStream {
        private final float[][] images;
        private final int[] labels;
        private final int batch;
        private final long seed;

        public Stream(int n, int batch, long seed) {
            Random r = new Random(seed);
            images = new float[n][64];
            labels = new int[n];
            for (int i = 0; i < n; i++) {
                int k = r.nextInt(CLASSES);
                labels[i] = k;
                for (int p = 0; p < 64; p++) {
                    int q = (p / 8 / 4) * 2 + (p % 8) / 4;
                    images[i][p] = (float) ((q == k ? 1.0 : 0.0) + 0.5 * r.nextGaussian());
                }
            }
            this.batch = batch;
            this.seed = seed;
        }

        @Override
        public Iterator<HostBatch> epoch(int epoch) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(seed * 1000 + epoch));
            List<HostBatch> out = new ArrayList<>();
            for (int s = 0; s + batch <= order.size(); s += batch) {
                float[] x = new float[batch * 64];
                int[] y = new int[batch];
                for (int j = 0; j < batch; j++) {
                    System.arraycopy(images[order.get(s + j)], 0, x, j * 64, 64);
                    y[j] = labels[order.get(s + j)];
                }
                out.add(new HostBatch(x, y, batch, 1, 8, 8));
            }
            return out.iterator();
        }

        @Override
        public int batchesPerEpoch() {
            return labels.length / batch;
        }

        @Override
        public int size() {
            return labels.length;
        }
    }
}
