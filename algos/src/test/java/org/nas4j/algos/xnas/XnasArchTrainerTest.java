package org.nas4j.algos.xnas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.EdgeCandidate;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.ops.ArchWeights;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.search.Algorithms;
import org.nas4j.search.arch.ArchTrainer;
import org.nas4j.train.StepContext;
import org.nas4j.train.Trainer;
import org.nas4j.train.TrainerSpec;
import org.nas4j.train.data.HostBatch;

class XnasArchTrainerTest {
    private static final List<String> PRIMITIVES =
            List.of("max_pool_3x3", "sep_conv_3x3", "skip_connect", "none");

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    static ModelDesc desc() {
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("dataset", Map.of("n_classes", 4, "channels", 1, "img_size", 8));
        md.put("n_cells", 2);
        md.put("n_reductions", 1);
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
        md.put("primitives", PRIMITIVES);
        return new XnasModelDescBuilder().build(Conf.of(md, "test"), "search", null);
    }

    private ModelBlock model(int seed) {
        Engine.getInstance().setRandomSeed(seed);
        ModelBlock m = new ModelBlock(desc(), Algorithms.installed().opRegistry());
        m.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 8, 8));
        return m;
    }

    private static XnasArchTrainer trainer(ModelBlock model, boolean wipeOut) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("epochs", 1);
        t.put("grad_clip", 5.0);
        t.put("optimizer", Map.of("type", "sgd", "lr", 0.025, "momentum", 0.9));
        t.put("lr_schedule", Map.of("type", "cosine", "min_lr", 0.001));
        t.put("alpha_optimizer", Map.of("type", "sgd", "lr", 0.0));
        TrainerSpec spec = TrainerSpec.fromConf(Conf.of(t, "test"));
        return new XnasArchTrainer(
                Trainer.builder(model, spec).optSeed(1),
                ArchTrainer.archParamsOf(model),
                1.0,
                wipeOut);
    }

    private static Map<String, float[]> values(ModelBlock model, String suffix) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : model.archParams().asMap().entrySet()) {
            if (e.getKey().endsWith("." + suffix)) {
                out.put(e.getKey(), e.getValue().getArray().toFloatArray());
            }
        }
        return out;
    }

    @Test
    void archStepIsTheExponentiatedGradientUpdateOfTheBatchRewards() {
        ModelBlock model = model(1);
        HostBatch b = XnasStream.of(16, 8, 3).epoch(0).next();
        HostBatch vb = XnasStream.of(16, 8, 4).epoch(0).next();
        try (XnasArchTrainer t = trainer(model, false);
                NDManager m = manager.newSubManager()) {
            List<float[]> weightsBefore = new ArrayList<>();
            t.weights().list().forEach(p -> weightsBefore.add(p.getArray().toFloatArray()));
            NDArray x = m.create(b.images(), new Shape(b.n(), 1, 8, 8));
            StepContext c = new StepContext(0, 0, 4, 0, 0.025, b, m, x, m.create(b.labels()));
            t.archStep(c, m.create(vb.images(), new Shape(vb.n(), 1, 8, 8)), m.create(vb.labels()));
            double eta = ExpertWeights.eta(PRIMITIVES.size(), 4, 1.0); // T = 1 epoch x 4 steps
            Map<String, float[]> logA = values(model, XnasEdgeReader.LOG_WEIGHTS);
            Map<String, float[]> w = values(model, XnasEdgeReader.WEIGHTS);
            int moved = 0;
            for (Map.Entry<String, Parameter> e : model.archParams().asMap().entrySet()) {
                if (!e.getKey().endsWith("." + XnasEdgeReader.WEIGHTS)) {
                    continue;
                }
                // the gradient the update used is still stored: redo the update by hand
                float[] g = e.getValue().getArray().getGradient().toFloatArray();
                double[] byHand = new double[g.length];
                double max = Double.NEGATIVE_INFINITY;
                double min = Double.POSITIVE_INFINITY;
                for (int k = 0; k < g.length; k++) {
                    byHand[k] = eta * Math.max(-1, Math.min(1, -g[k]));
                    max = Math.max(max, byHand[k]);
                    min = Math.min(min, byHand[k]);
                }
                String key = e.getKey().replace(XnasEdgeReader.WEIGHTS, "");
                float[] la = logA.get(key + XnasEdgeReader.LOG_WEIGHTS);
                double sum = 0;
                for (int k = 0; k < g.length; k++) {
                    assertEquals(byHand[k] - max, la[k], 1e-6, key + k);
                    sum += Math.exp(byHand[k] - max);
                }
                for (int k = 0; k < g.length; k++) {
                    assertEquals(Math.exp(byHand[k] - max) / sum, w.get(e.getKey())[k], 1e-6);
                }
                moved += max - min > 1e-7 ? 1 : 0;
            }
            assertTrue(moved > 0, "no edge moved its experts");
            for (int i = 0; i < weightsBefore.size(); i++) {
                assertArrayEquals(
                        weightsBefore.get(i), t.weights().list().get(i).getArray().toFloatArray());
            }
        }
    }

    @Test
    void searchWipesOutExpertsAndResumeKeepsTheMask(@TempDir Path tmp) {
        ModelBlock model = model(2);
        try (XnasArchTrainer t = trainer(model, true)) {
            t.fit(XnasStream.of(32, 8, 5), XnasStream.of(32, 8, 6));
            t.saveCheckpoint(tmp);
        }
        Map<String, float[]> wiped = values(model, XnasEdgeReader.WIPED);
        Map<String, float[]> logA = values(model, XnasEdgeReader.LOG_WEIGHTS);
        ModelDesc saved = ArchWeights.withTrainables(desc(), model.archParams());
        XnasEdgeReader reader = new XnasEdgeReader();
        int edges = 0;
        for (NodeDesc node : saved.cells().get(0).nodes()) {
            for (EdgeDesc e : node.edges()) {
                List<EdgeCandidate> c = reader.candidates(e.op());
                float[] mask =
                        wiped.get(
                                "cell0.node"
                                        + saved.cells().get(0).nodes().indexOf(node)
                                        + ".edge"
                                        + node.edges().indexOf(e)
                                        + "."
                                        + XnasEdgeReader.WIPED);
                long live = c.stream().filter(EdgeCandidate::selectable).count();
                // the last update (t = T) leaves only the strongest expert of each edge
                assertTrue(live <= 1, "edge keeps " + live + " selectable experts");
                for (int k = 0; k < mask.length; k++) {
                    assertEquals(
                            mask[k] < 0.5f && !"none".equals(c.get(k).name()),
                            c.get(k).selectable());
                }
                edges++;
            }
        }
        assertEquals(5, edges);
        assertTrue(wiped.values().stream().anyMatch(m -> m[0] + m[1] + m[2] + m[3] > 0));

        ModelBlock fresh = model(9);
        try (XnasArchTrainer t = trainer(fresh, true)) {
            t.restore(tmp);
            Map<String, float[]> restoredMask = values(fresh, XnasEdgeReader.WIPED);
            Map<String, float[]> restoredLogA = values(fresh, XnasEdgeReader.LOG_WEIGHTS);
            for (String k : wiped.keySet()) {
                assertArrayEquals(wiped.get(k), restoredMask.get(k), 0f, k);
            }
            for (String k : logA.keySet()) {
                assertArrayEquals(logA.get(k), restoredLogA.get(k), 0f, k);
            }
        }
    }
}
