package org.nas4j.ops.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.ops.SharedOutputs;

/**
 * The network computes the ReLU its next two cells' stems (and the aux tower) apply to a cell
 * output once: the same results as computing it per reader, less memory.
 */
class StemSharingTest {
    private NDManager manager;

    @BeforeEach
    void setUp() {
        Engine.getInstance().setRandomSeed(11);
        manager = NDManager.newBaseManager(Device.cpu());
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private ModelBlock init(ModelBlock model, Shape shape) {
        model.initialize(manager, DataType.FLOAT32, shape);
        model.setMemoryFormat(MemoryFormat.CONTIGUOUS);
        model.setDropPathProb(0); // the two networks draw their masks from one generator
        return model;
    }

    @Test
    void sharedAndUnsharedNetworksGiveTheSameOutputsStatisticsAndGradients() {
        // reduction cells 1 and 3: the stems after them are factorized reduces, which share too
        List<ModelDesc> descs =
                List.of(
                        TestDescs.dartsV2Small(),
                        TestDescs.supernet(
                                3, 4, Set.of(1), List.of(1, 12, 12), WeightedSumOp.NAME));
        for (ModelDesc desc : descs) {
            List<Integer> in = desc.inputShape();
            Shape shape = new Shape(4, in.get(0), in.get(1), in.get(2));
            ModelBlock shared = init(new ModelBlock(desc, ModelBlockTest.registry()), shape);
            ModelBlock each = init(ModelBlock.unshared(desc, ModelBlockTest.registry()), shape);
            List<Parameter> a = new ArrayList<>(shared.getParameters().values());
            List<Parameter> b = new ArrayList<>(each.getParameters().values());
            a.addAll(shared.archParams().list());
            b.addAll(each.archParams().list());
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                b.get(i).getArray().set(a.get(i).getArray().toFloatArray());
            }
            NDArray x = manager.randomNormal(shape);
            List<float[]> va = TrainingPass.of(manager, shared, x).all();
            List<float[]> vb = TrainingPass.of(manager, each, x).all();
            assertEquals(va.size(), vb.size());
            for (int i = 0; i < va.size(); i++) {
                float[] p = va.get(i);
                float[] q = vb.get(i);
                float scale = 1;
                for (float e : p) {
                    scale = Math.max(scale, Math.abs(e));
                }
                for (int j = 0; j < p.length; j++) {
                    // the forward is the same computation; gradients differ in summation order
                    assertEquals(p[j], q[j], 1e-5f * scale, desc.cells().size() + " cells, " + i);
                }
            }
        }
    }

    @Test
    void theEstimateCountsEachSharedStemReluOnce() {
        ModelDesc desc = TestDescs.dartsV2Small();
        Shape shape = new Shape(1, 3, 32, 32);
        ModelBlock shared = init(new ModelBlock(desc, ModelBlockTest.registry()), shape);
        ModelBlock each = init(ModelBlock.unshared(desc, ModelBlockTest.registry()), shape);
        // 5 cells of 4 channels, reductions 1 and 3, aux tower after cell 3, 3x32x32 input.
        // Read by two ReLU-first stems: the second model stem's output (12 ch, 32x32; cells 0
        // and 1), the outputs of cell 0 (16 ch, 32x32), 1 and 2 (32 ch, 16x16); cell 3's output
        // (64 ch, 8x8) by cell 4's stem and the aux tower.
        long expected = 12 * 32 * 32 + 16 * 32 * 32 + 2 * 32 * 16 * 16 + 64 * 8 * 8;
        assertEquals(expected, shared.sharedStemElements());
        assertEquals(0, each.sharedStemElements());
        long cells = 0;
        for (CellBlock c : shared.cells()) {
            cells += c.sharedOutputElements();
        }
        assertEquals(
                MemoryEstimate.leafOutputElements(each) - cells - expected,
                MemoryEstimate.leafOutputElements(shared));
    }

    @Test
    void releasingAnInputClosesOnlyItsOutputs() {
        NDArray x = manager.ones(new Shape(2, 3)).neg();
        NDArray y = manager.ones(new Shape(2, 3));
        try (SharedOutputs shared = new SharedOutputs()) {
            NDArray rx = shared.apply(x, "relu", ai.djl.nn.Activation::relu);
            NDArray ry = shared.apply(y, "relu", ai.djl.nn.Activation::relu);
            shared.apply(x, "relu", ai.djl.nn.Activation::relu);
            assertEquals(1, shared.reused());
            shared.release(x);
            shared.release(x); // twice: nothing left to close
            assertEquals(0f, rx.sum().getFloat()); // the caller's view outlives the release
            shared.apply(x, "relu", ai.djl.nn.Activation::relu);
            assertEquals(3, shared.computed()); // computed again after the release
            assertEquals(6f, ry.sum().getFloat());
            assertTrue(shared.reused() == 1);
        }
    }
}
