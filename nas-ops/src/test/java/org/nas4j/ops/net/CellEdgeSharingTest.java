package org.nas4j.ops.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.ops.OpContext;

/**
 * A cell computes a parameter-free pure op once for the edges that apply it to the same states
 * (DARTS V2's reduction cell max-pools its second input three times and its first twice); its
 * outputs and gradients are those of computing every edge.
 */
class CellEdgeSharingTest {
    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager(Device.cpu());
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private CellBlock cell(CellDesc desc, boolean share, Shape s0, Shape s1) {
        Engine.getInstance().setRandomSeed(11); // the same initial weights for both cells
        CellBlock c = new CellBlock(desc, OpContext.standalone(ModelBlockTest.registry()), share);
        c.initialize(manager, DataType.FLOAT32, s0, s1);
        return c;
    }

    /** The output and the gradients of both inputs, for one pass. */
    private static float[][] pass(CellBlock cell, NDArray x0, NDArray x1, boolean training) {
        try (NDManager step = x0.getManager().newSubManager()) {
            NDArray a = x0.duplicate();
            NDArray b = x1.duplicate();
            a.attach(step);
            b.attach(step);
            a.setRequiresGradient(true);
            b.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out =
                        cell.forward(new ParameterStore(step, false), new NDList(a, b), training)
                                .singletonOrThrow();
                // a weighted sum, so that each output position's gradient differs
                NDArray w = step.arange((float) out.size()).reshape(out.getShape()).div(out.size());
                gc.backward(out.mul(w).sum());
                return new float[][] {
                    out.toFloatArray(),
                    a.getGradient().toFloatArray(),
                    b.getGradient().toFloatArray()
                };
            }
        }
    }

    /** Output and input gradients of both cells agree, in training and in inference. */
    private static void assertSameResults(
            CellBlock shared, CellBlock each, NDArray x0, NDArray x1) {
        for (boolean training : new boolean[] {true, false}) {
            float[][] a = pass(shared, x0, x1, training);
            float[][] b = pass(each, x0, x1, training);
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(b[i], a[i], 1e-5f, "training " + training + ", result " + i);
            }
        }
    }

    @Test
    void dartsV2ReductionCellSharesItsRepeatedPoolsWithTheSameResults() {
        ModelDesc net = TestDescs.dartsV2Small();
        CellDesc reduce = net.cells().get(1);
        Shape s0 = new Shape(2, 12, 16, 16);
        Shape s1 = new Shape(2, 16, 16, 16);
        CellBlock shared = cell(reduce, true, s0, s1);
        CellBlock each = cell(reduce, false, s0, s1);
        assertEquals(3, shared.sharedEdges(), "max_pool(s0) twice, max_pool(s1) three times");
        assertEquals(0, each.sharedEdges());
        assertEquals(0, cell(net.cells().get(0), true, s1, s1).sharedEdges(), "no pure op repeats");
        Engine.getInstance().setRandomSeed(3);
        NDArray x0 = manager.randomNormal(s0);
        NDArray x1 = manager.randomNormal(s1);
        assertSameResults(shared, each, x0, x1);
    }

    @Test
    void anEdgeReadTwiceInOneNodeAndAsItsOnlyEdgeStaysOpenUntilItsLastReader() {
        // node 0 = max_pool(s1) alone (its output is the state n0 and shared); node 1 =
        // max_pool(s1) + max_pool(s1): three readers of one output, two of them in one sum
        CellDesc base = TestDescs.dartsV2Small().cells().get(0);
        var conv = base.nodes().get(0).conv();
        int ch = conv.chOut();
        EdgeDesc pool = EdgeDesc.of(TestDescs.op("max_pool_3x3", ch, ch, 1, true), 1);
        EdgeDesc sep = EdgeDesc.of(TestDescs.op("sep_conv_3x3", ch, ch, 1, true), 2);
        List<NodeDesc> nodes =
                List.of(
                        new NodeDesc(List.of(pool), conv),
                        new NodeDesc(List.of(pool, pool), conv),
                        new NodeDesc(List.of(sep, pool), conv),
                        new NodeDesc(List.of(pool), conv));
        CellDesc desc = base.withNodes(nodes);
        Shape s0 = new Shape(2, base.stem0().conv().chIn(), 8, 8);
        Shape s1 = new Shape(2, base.stem1().conv().chIn(), 8, 8);
        CellBlock shared = cell(desc, true, s0, s1);
        CellBlock each = cell(desc, false, s0, s1);
        assertEquals(4, shared.sharedEdges());
        NDArray x0 = manager.randomNormal(s0);
        NDArray x1 = manager.randomNormal(s1);
        assertSameResults(shared, each, x0, x1);
    }
}
