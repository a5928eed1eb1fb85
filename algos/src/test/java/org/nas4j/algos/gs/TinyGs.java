package org.nas4j.algos.gs;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nas4j.algos.darts.TinySearch;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.search.Algorithms;
import org.nas4j.train.data.BatchStream;
import org.nas4j.train.data.HostBatch;

/** A tiny Gumbel-softmax supernet on random 1x8x8 images of 4 classes, for trainer tests. */
final class TinyGs {
    static final List<String> PRIMS = List.of("max_pool_3x3", "skip_connect", "none");

    /** The DARTS primitive set. */
    static final List<String> DARTS_PRIMS = TinySearch.DARTS;

    private TinyGs() {}

    /** A search desc of {@code nCells} cells of 2 nodes, 4 channels, hard draws, 2 samples. */
    static ModelDesc searchDesc(int nCells, int nReductions) {
        return searchDesc(nCells, nReductions, PRIMS);
    }

    /** The same with the primitives {@code prims}. */
    static ModelDesc searchDesc(int nCells, int nReductions, List<String> prims) {
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("dataset", Map.of("n_classes", 4, "channels", 1, "img_size", 8));
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
        md.put("primitives", prims);
        return new GsModelDescBuilder(2, true).build(Conf.of(md, "test"), "search", null);
    }

    /** The network of {@code desc}, initialised from seed {@code seed}. */
    static ModelBlock model(ModelDesc desc, NDManager manager, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        ModelBlock m = new ModelBlock(desc, Algorithms.installed().opRegistry());
        m.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 8, 8));
        return m;
    }

    /** A trainer section as in gs.yaml, {@code epochs} epochs, bilevel order {@code order}. */
    static Map<String, Object> trainerMap(int epochs, String order) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("epochs", epochs);
        t.put("batch_chunks", 1);
        t.put("grad_clip", 5.0);
        t.put("optimizer", Map.of("type", "sgd", "lr", 0.025, "momentum", 0.9, "decay", 3e-4));
        t.put("lr_schedule", Map.of("type", "cosine", "min_lr", 0.001));
        t.put(
                "alpha_optimizer",
                Map.of("type", "adam", "lr", 3e-3, "betas", List.of(0.5, 0.999), "decay", 1e-3));
        t.put("bilevel", Map.of("order", order));
        return t;
    }

    /** {@code batches} random batches of 4, the same each epoch. */
    static BatchStream stream(int batches, long seed) {
        Random r = new Random(seed);
        List<HostBatch> list = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            float[] x = new float[4 * 64];
            int[] y = new int[4];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = r.nextInt(4);
            }
            list.add(new HostBatch(x, y, 4, 1, 8, 8));
        }
        return new BatchStream() {
            @Override
            public Iterator<HostBatch> epoch(int epoch) {
                return list.iterator();
            }

            @Override
            public int batchesPerEpoch() {
                return batches;
            }

            @Override
            public int size() {
                return batches * 4;
            }
        };
    }
}
