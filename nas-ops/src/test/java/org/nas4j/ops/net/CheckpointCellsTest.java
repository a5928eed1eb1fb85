package org.nas4j.ops.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nas4j.core.desc.ModelDesc;

/**
 * A network that recomputes its first cells in the backward trains exactly as one that keeps their
 * activations: same logits, gradients, BatchNorm statistics and drop-path masks.
 */
class CheckpointCellsTest {
    private static final Shape SHAPE = new Shape(4, 3, 32, 32);
    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager(Device.cpu());
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private ModelBlock build(ModelDesc desc) {
        Engine.getInstance().setRandomSeed(5); // the same initial weights for every network
        ModelBlock model = new ModelBlock(desc, ModelBlockTest.registry());
        model.initialize(manager, DataType.FLOAT32, SHAPE);
        model.setMemoryFormat(MemoryFormat.CONTIGUOUS);
        model.setDropPathProb(0.3);
        return model;
    }

    @Test
    void recomputingCellsGivesThePlainPassResults() {
        // 5 cells, reductions 1 and 3, aux tower after cell 3: up to 4 cells may be recomputed,
        // 4 puts the aux tower's input on the boundary
        ModelDesc desc = TestDescs.dartsV2Small();
        NDArray x = manager.randomNormal(SHAPE);
        List<float[]> plain = twoSteps(build(desc), x);
        for (int n = 1; n <= 4; n++) {
            ModelBlock model = build(desc);
            model.setCheckpointCells(n);
            assertEquals(n, model.checkpointCells());
            List<float[]> recomputed = twoSteps(model, x);
            assertEquals(plain.size(), recomputed.size());
            for (int i = 0; i < plain.size(); i++) {
                float[] a = plain.get(i);
                float[] b = recomputed.get(i);
                float scale = 1e-3f;
                for (float e : a) {
                    scale = Math.max(scale, Math.abs(e));
                }
                for (int j = 0; j < a.length; j++) {
                    assertEquals(
                            a[j], b[j], 1e-5f * scale, n + " cells, array " + i + "[" + j + "]");
                }
            }
            assertFalse(model.backwardPending());
        }
    }

    /**
     * Two training passes with drop path (masks from one seed): each pass's logits and aux logits,
     * every gradient, and every BatchNorm statistic after both.
     */
    private List<float[]> twoSteps(ModelBlock model, NDArray x) {
        List<float[]> out = new ArrayList<>();
        Engine.getInstance().setRandomSeed(9);
        for (int step = 0; step < 2; step++) {
            try (StepScope scope = StepScope.open(manager)) {
                scope.zeroGradients(model.weights());
                ParameterStore ps = new ParameterStore(scope.manager(), false);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDList y = model.forward(ps, new NDList(x), true);
                    assertEquals(model.checkpointCells() > 0, model.backwardPending());
                    out.add(y.head().toFloatArray());
                    out.add(y.get(1).toFloatArray());
                    gc.backward(y.head().square().sum().add(y.get(1).square().sum()));
                    model.finishBackward(gc);
                }
                for (Parameter p : model.weights()) {
                    out.add(scope.grad(p).toFloatArray());
                }
            }
        }
        for (Parameter p : model.getParameters().values()) {
            if (!p.requiresGradient()) {
                out.add(p.getArray().toFloatArray());
            }
        }
        return out;
    }

    @Test
    void aPassWithoutFinishedBackwardStopsTheNextOne() {
        ModelBlock model = build(TestDescs.dartsV2Small());
        model.setCheckpointCells(2);
        NDArray x = manager.randomNormal(SHAPE);
        try (StepScope scope = StepScope.open(manager)) {
            ParameterStore ps = new ParameterStore(scope.manager(), false);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList y = model.forward(ps, new NDList(x), true);
                gc.backward(y.head().sum());
                IllegalStateException e =
                        assertThrows(
                                IllegalStateException.class,
                                () -> model.forward(ps, new NDList(x), true));
                assertTrue(e.getMessage().contains("finishBackward"), e.getMessage());
                assertFalse(model.backwardPending()); // the refused pass's state is dropped
                model.forward(ps, new NDList(x), true);
                model.abandonBackward(); // e.g. a NaN loss: nothing to back-propagate
                assertFalse(model.backwardPending());
            }
            // outside a collector and in inference nothing is recomputed, nothing waits
            model.forward(ps, new NDList(x), true);
            assertFalse(model.backwardPending());
            model.forward(ps, new NDList(x), false);
            assertFalse(model.backwardPending());
        }
    }

    @Test
    void theMemoryEstimateCountsTheLargerPartOnly() {
        ModelBlock model = build(TestDescs.dartsV2Small());
        long all = MemoryEstimate.activationElements(model);
        assertEquals(MemoryEstimate.leafOutputElements(model), all);
        model.setCheckpointCells(2); // stems and two cells of five, the first at full size
        long prefix = 0;
        for (var b : model.recomputedBlocks()) {
            prefix += MemoryEstimate.leafOutputElements(b);
        }
        assertTrue(prefix > 0 && prefix < all);
        assertEquals(Math.max(prefix, all - prefix), MemoryEstimate.activationElements(model));
    }

    @Test
    void cellsToRecomputeMustLeaveTheAuxTowerInput() {
        ModelBlock model = build(TestDescs.dartsV2Small());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> model.setCheckpointCells(5));
        assertTrue(e.getMessage().contains("[0, 4]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.setCheckpointCells(-1));
        model.setCheckpointCells(0);
        assertEquals(0, model.checkpointCells());
    }
}
