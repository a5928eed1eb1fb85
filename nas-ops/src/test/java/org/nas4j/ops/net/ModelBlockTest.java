package org.nas4j.ops.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.ops.OpRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ModelBlockTest {
    private static final Logger LOG = LoggerFactory.getLogger(ModelBlockTest.class);
    private NDManager manager;

    @BeforeEach
    void setUp() {
        Engine.getInstance().setRandomSeed(7);
        manager = NDManager.newBaseManager(Device.cpu());
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    static OpRegistry registry() {
        return WeightedSumOp.register(OpRegistry.standard());
    }

    private ModelBlock build(ModelDesc desc, Shape input) {
        ModelBlock model = new ModelBlock(desc, registry());
        model.initialize(manager, DataType.FLOAT32, input);
        return model;
    }

    @Test
    void supernetTrainsWeightsAndSharedAlphasOnMnistShape() {
        supernetForwardBackward(List.of(1, 28, 28));
    }

    @Test
    void supernetTrainsWeightsAndSharedAlphasOnCifarShape() {
        supernetForwardBackward(List.of(3, 32, 32));
    }

    private void supernetForwardBackward(List<Integer> in) {
        ModelDesc desc = TestDescs.supernet(8, 16, Set.of(2, 5), in, WeightedSumOp.NAME);
        Shape shape = new Shape(2, in.get(0), in.get(1), in.get(2));
        long t0 = System.nanoTime();
        ModelBlock model = build(desc, shape);
        long t1 = System.nanoTime();
        // 2 cell types x 14 edges, whatever the number of cells
        assertEquals(28, model.archParams().asMap().size());
        try (StepScope step = StepScope.open(manager)) {
            NDArray x = step.manager().randomNormal(shape);
            ParameterStore ps = new ParameterStore(step.manager(), false);
            long t2;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList out = model.forward(ps, new NDList(x), true);
                t2 = System.nanoTime();
                assertEquals(1, out.size());
                assertEquals(new Shape(2, 10), out.head().getShape());
                gc.backward(out.head().square().sum());
            }
            long t3 = System.nanoTime();
            LOG.info(
                    "supernet {}: build {} ms, forward {} ms, backward {} ms",
                    in,
                    (t1 - t0) / 1000000,
                    (t2 - t1) / 1000000,
                    (t3 - t2) / 1000000);
            for (Parameter p : model.weights()) {
                assertTrue(
                        step.grad(p).abs().sum().getFloat() > 0, "no gradient at " + p.getName());
            }
            for (Parameter a : model.archParams().list()) {
                assertTrue(
                        step.grad(a).abs().sum().getFloat() > 0, "no gradient at " + a.getName());
            }
        }
        List<WeightedSumOp> cell0 = mixedOps(model.cells().get(0));
        List<WeightedSumOp> cell1 = mixedOps(model.cells().get(1));
        List<WeightedSumOp> cell2 = mixedOps(model.cells().get(2));
        List<WeightedSumOp> cell5 = mixedOps(model.cells().get(5));
        assertEquals(14, cell0.size());
        for (int e = 0; e < 14; e++) {
            assertSame(cell0.get(e).alpha(), cell1.get(e).alpha());
            assertSame(cell2.get(e).alpha(), cell5.get(e).alpha());
            assertNotSame(cell0.get(e).alpha(), cell2.get(e).alpha());
        }
    }

    @Test
    void autoLayoutIsChannelsLastOnACpuForNetworksOfSixteenChannelsOrMore() {
        assertEquals(4, ModelBlock.narrowestChannels(TestDescs.dartsV2Small()));
        assertEquals(36, ModelBlock.narrowestChannels(TestDescs.dartsV2Eval()));
        ModelBlock small = new ModelBlock(TestDescs.dartsV2Small(), registry());
        assertSame(MemoryFormat.AUTO, small.memoryFormat());
        assertSame(MemoryFormat.CONTIGUOUS, small.memoryFormatOn(Device.cpu()));
        ModelBlock paper = new ModelBlock(TestDescs.dartsV2Eval(), registry());
        assertSame(MemoryFormat.CHANNELS_LAST, paper.memoryFormatOn(Device.cpu()));
        assertSame(MemoryFormat.CONTIGUOUS, paper.memoryFormatOn(Device.gpu(0)));
        paper.setMemoryFormat(MemoryFormat.CONTIGUOUS);
        assertSame(MemoryFormat.CONTIGUOUS, paper.memoryFormatOn(Device.cpu()));
        assertThrows(NullPointerException.class, () -> paper.setMemoryFormat(null));
    }

    /**
     * Both layouts compute the same function: logits, aux logits, BatchNorm running statistics and
     * inference logits agree elementwise to float rounding. Gradients are compared as one vector
     * (relative L2 distance): the layouts round differently, and where a ReLU input lies within
     * rounding of zero the two take different sides of the kink; that was measured to move single
     * small gradients by up to 2 % of their array's largest value, exactly as much as perturbing
     * the input by 1e-6 in double precision does.
     */
    @Test
    void channelsLastAndContiguousGiveTheSameOutputsAndGradients() {
        List<ModelDesc> descs =
                List.of(
                        TestDescs.dartsV2Small(),
                        TestDescs.supernet(
                                3, 4, Set.of(1), List.of(1, 12, 12), WeightedSumOp.NAME));
        for (ModelDesc desc : descs) {
            List<Integer> in = desc.inputShape();
            Shape shape = new Shape(4, in.get(0), in.get(1), in.get(2));
            ModelBlock model = build(desc, shape);
            NDArray x = manager.randomNormal(shape);
            List<Parameter> buffers = new ArrayList<>();
            List<float[]> initial = new ArrayList<>();
            for (Parameter p : model.getParameters().values()) {
                if (!p.requiresGradient()) { // BatchNorm's running statistics among them
                    buffers.add(p);
                    initial.add(p.getArray().toFloatArray());
                }
            }
            List<List<float[]>> values = new ArrayList<>();
            List<List<float[]>> grads = new ArrayList<>();
            for (MemoryFormat f : List.of(MemoryFormat.CONTIGUOUS, MemoryFormat.CHANNELS_LAST)) {
                model.setMemoryFormat(f);
                assertSame(f, model.memoryFormat());
                assertSame(f, model.memoryFormatOn(Device.cpu()));
                for (int i = 0; i < buffers.size(); i++) {
                    buffers.get(i).getArray().set(initial.get(i));
                }
                TrainingPass pass = TrainingPass.of(manager, model, x);
                List<float[]> v = pass.values();
                List<float[]> g = pass.grads();
                values.add(v);
                grads.add(g);
            }
            for (int i = 0; i < values.get(0).size(); i++) {
                float[] a = values.get(0).get(i);
                float[] b = values.get(1).get(i);
                float scale = 1;
                for (float e : a) {
                    scale = Math.max(scale, Math.abs(e));
                }
                for (int j = 0; j < a.length; j++) {
                    assertEquals(a[j], b[j], 1e-4f * scale, "value array " + i + "[" + j + "]");
                }
            }
            double diff = 0;
            double norm = 0;
            for (int i = 0; i < grads.get(0).size(); i++) {
                float[] a = grads.get(0).get(i);
                float[] b = grads.get(1).get(i);
                for (int j = 0; j < a.length; j++) {
                    diff += (a[j] - b[j]) * (double) (a[j] - b[j]);
                    norm += a[j] * (double) a[j];
                }
            }
            assertTrue(norm > 0);
            assertTrue(
                    Math.sqrt(diff / norm) < 1e-2, // measured 1.0e-3 here; a layout defect is O(1)
                    "relative L2 distance of the gradients " + Math.sqrt(diff / norm));
            assertFalse(x.isReleased(), "the caller's input stays open");
        }
    }

    private static List<WeightedSumOp> mixedOps(Block block) {
        List<WeightedSumOp> out = new ArrayList<>();
        for (Block child : block.getChildren().values()) {
            if (child instanceof WeightedSumOp op) {
                out.add(op);
            }
        }
        return out;
    }

    @Test
    void weightsLeaveOutFrozenBatchNormScaleAndShift() {
        ModelDesc desc = TestDescs.supernet(3, 4, Set.of(1), List.of(1, 8, 8), WeightedSumOp.NAME);
        ModelBlock model = build(desc, new Shape(1, 1, 8, 8));
        long frozen =
                model.getParameters().values().stream().filter(p -> !p.requiresGradient()).count();
        assertTrue(frozen > 0);
        assertEquals(model.getParameters().size() - frozen, model.weights().size());
        assertTrue(model.weights().stream().allMatch(Parameter::requiresGradient));
    }

    @Test
    void evalNetworkReturnsAuxLogitsOnlyInTraining() {
        ModelDesc desc = TestDescs.dartsV2Small();
        ModelBlock model = build(desc, new Shape(2, 3, 32, 32));
        try (StepScope step = StepScope.open(manager)) {
            NDArray x = step.manager().randomNormal(new Shape(2, 3, 32, 32));
            ParameterStore ps = new ParameterStore(step.manager(), false);
            NDList train = model.forward(ps, new NDList(x), true);
            assertEquals(2, train.size());
            assertEquals(new Shape(2, 10), train.get(1).getShape());
            NDList infer = model.forward(ps, new NDList(x), false);
            assertEquals(1, infer.size());
            assertEquals(new Shape(2, 10), infer.head().getShape());
        }
    }

    @Test
    void dropPathMakesTrainingPassesRandomOnlyWhenSet() {
        ModelBlock model = build(TestDescs.dartsV2Small(), new Shape(2, 3, 32, 32));
        try (StepScope step = StepScope.open(manager)) {
            NDArray x = step.manager().randomNormal(new Shape(2, 3, 32, 32));
            ParameterStore ps = new ParameterStore(step.manager(), false);
            float[] a = model.forward(ps, new NDList(x), true).head().toFloatArray();
            float[] b = model.forward(ps, new NDList(x), true).head().toFloatArray();
            assertArrayEquals(a, b, 0f);
            model.setDropPathProb(0.5);
            float[] c = model.forward(ps, new NDList(x), true).head().toFloatArray();
            float[] d = model.forward(ps, new NDList(x), true).head().toFloatArray();
            assertTrue(!java.util.Arrays.equals(c, d));
            float[] e = model.forward(ps, new NDList(x), false).head().toFloatArray();
            float[] f = model.forward(ps, new NDList(x), false).head().toFloatArray();
            assertArrayEquals(e, f, 0f);
        }
        assertThrows(IllegalArgumentException.class, () -> model.setDropPathProb(1.0));
    }

    @Test
    void savedWeightsReloadBitForBit(@TempDir Path dir) {
        ModelDesc desc = TestDescs.supernet(3, 4, Set.of(1), List.of(1, 8, 8), WeightedSumOp.NAME);
        Shape shape = new Shape(2, 1, 8, 8);
        ModelBlock a = build(desc, shape);
        Path file = dir.resolve("sub/model.weights");
        try (StepScope step = StepScope.open(manager)) {
            NDArray x = step.manager().randomNormal(shape);
            ParameterStore ps = new ParameterStore(step.manager(), false);
            // one training pass moves the BN running statistics away from their initial values
            a.forward(ps, new NDList(x), true);
            a.archParams().list().get(0).getArray().addi(1f);
            a.saveWeights(file);
            float[] expected = a.forward(ps, new NDList(x), false).head().toFloatArray();

            Engine.getInstance().setRandomSeed(99);
            ModelBlock b = build(desc, shape);
            float[] before = b.forward(ps, new NDList(x), false).head().toFloatArray();
            assertTrue(!java.util.Arrays.equals(expected, before));
            b.loadWeights(file);
            float[] after = b.forward(ps, new NDList(x), false).head().toFloatArray();
            assertArrayEquals(expected, after, 0f);
            assertTrue(b.archParams().list().get(0).getArray().hasGradient());
        }
        assertTrue(Files.exists(file));
    }

    @Test
    void loadingWeightsOfAnotherStructureFailsNamingTheFile(@TempDir Path dir) {
        Shape shape = new Shape(2, 1, 8, 8);
        ModelDesc desc = TestDescs.supernet(3, 4, Set.of(1), List.of(1, 8, 8), WeightedSumOp.NAME);
        Path file = dir.resolve("model.weights");
        build(desc, shape).saveWeights(file);
        ModelDesc other = TestDescs.supernet(3, 6, Set.of(1), List.of(1, 8, 8), WeightedSumOp.NAME);
        ModelBlock b = build(other, shape);
        float before = b.weights().get(0).getArray().sum().getFloat();
        DescFormatException e = assertThrows(DescFormatException.class, () -> b.loadWeights(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("another structure"), e.getMessage());
        assertEquals(before, b.weights().get(0).getArray().sum().getFloat());
    }

    @Test
    void loadingAFileThatIsNotAWeightsFileFailsClearly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("junk.weights");
        Files.writeString(file, "not weights at all");
        ModelDesc desc = TestDescs.supernet(3, 4, Set.of(1), List.of(1, 8, 8), WeightedSumOp.NAME);
        ModelBlock b = build(desc, new Shape(2, 1, 8, 8));
        DescFormatException e = assertThrows(DescFormatException.class, () -> b.loadWeights(file));
        assertTrue(e.getMessage().contains("not a nas4j weights file"), e.getMessage());
    }

    @Test
    void nodeReadingAFutureStateIsRefused() {
        ModelDesc desc = TestDescs.supernet(3, 4, Set.of(1), List.of(1, 8, 8), "max_pool_3x3");
        var cell = desc.cells().get(0);
        var node0 = cell.nodes().get(0);
        var bad = node0.withEdges(List.of(new EdgeDesc(node0.edges().get(0).op(), List.of(3))));
        List<NodeDesc> nodes = new ArrayList<>(cell.nodes());
        nodes.set(0, bad);
        List<CellDesc> cells = new ArrayList<>(desc.cells());
        cells.set(0, cell.withNodes(nodes));
        DescFormatException e =
                assertThrows(
                        DescFormatException.class,
                        () -> new ModelBlock(desc.withCells(cells), registry()));
        assertTrue(e.getMessage().contains("reads state 3"), e.getMessage());
    }
}
