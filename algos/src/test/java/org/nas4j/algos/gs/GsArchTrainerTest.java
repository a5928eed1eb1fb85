package org.nas4j.algos.gs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nas4j.algos.darts.BilevelArchTrainer;
import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.search.arch.ArchTrainer;
import org.nas4j.train.Trainer;
import org.nas4j.train.TrainerSpec;

class GsArchTrainerTest {
    private static final GsTemperature TAU = new GsTemperature(10.0, 0.1);
    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private static GsArchTrainer trainer(ModelBlock model, int epochs, String order) {
        Conf trainer = Conf.of(TinyGs.trainerMap(epochs, order), "test");
        return new GsArchTrainer(
                Trainer.builder(model, TrainerSpec.fromConf(trainer)).optSeed(1),
                ArchTrainer.archParamsOf(model),
                BilevelArchTrainer.orderOf(trainer),
                TAU);
    }

    @Test
    void aSearchMovesTheLogitsOfEveryEdgeAndAnnealsTheTemperatureToTauMin() {
        ModelBlock model = TinyGs.model(TinyGs.searchDesc(2, 1), manager, 1);
        List<float[]> before = new ArrayList<>();
        for (Parameter p : model.archParams().list()) {
            before.add(p.getArray().toFloatArray());
        }
        try (GsArchTrainer t = trainer(model, 2, "first")) {
            List<GsNode> nodes = GsArchTrainer.nodesOf(model);
            // 2 nodes per cell, normal and reduction cells have their own logits
            assertEquals(4, nodes.size());
            t.fit(TinyGs.stream(3, 2), TinyGs.stream(3, 3));
            for (GsNode n : nodes) {
                assertEquals(0.1, n.temperature(), 1e-12);
            }
        }
        List<Parameter> after = model.archParams().list();
        for (int i = 0; i < after.size(); i++) {
            float[] a = before.get(i);
            float[] b = after.get(i).getArray().toFloatArray();
            double moved = 0;
            for (int k = 0; k < a.length; k++) {
                moved = Math.max(moved, Math.abs(a[k] - b[k]));
            }
            // six Adam steps of lr 3e-3 (GsOpTest checks the gradient itself against finite
            // differences)
            assertTrue(moved > 1e-3, after.get(i).getName() + " moved " + moved);
        }
    }

    /**
     * Regression: the architecture gradients used to turn NaN intermittently (about 1 run in 4),
     * when a garbage collection between the forward and backward pass freed the temperature scalar
     * the backward read (see {@link GumbelSampler#sample}). Two seeds, full DARTS set.
     */
    @Test
    void aSearchWithTheDartsPrimitivesStaysFinite() {
        for (int seed = 1; seed <= 2; seed++) {
            try (NDManager m = NDManager.newBaseManager()) {
                ModelBlock model =
                        TinyGs.model(TinyGs.searchDesc(3, 1, TinyGs.DARTS_PRIMS), m, seed);
                try (GsArchTrainer t = trainer(model, 2, "first")) {
                    t.fit(TinyGs.stream(3, 2), TinyGs.stream(3, 3));
                }
                for (Parameter p : model.archParams().list()) {
                    for (float v : p.getArray().toFloatArray()) {
                        assertTrue(Float.isFinite(v), p.getName() + " seed " + seed);
                    }
                }
            }
        }
    }

    @Test
    void secondOrderIsRefused() {
        ModelBlock model = TinyGs.model(TinyGs.searchDesc(1, 0), manager, 2);
        assertThrows(ConfException.class, () -> trainer(model, 1, "second"));
    }
}
