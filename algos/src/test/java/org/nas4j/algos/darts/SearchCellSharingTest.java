package org.nas4j.algos.darts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.OpContext;
import org.nas4j.ops.OpRegistry;
import org.nas4j.ops.SharedOutputs;
import org.nas4j.ops.net.CellBlock;
import org.nas4j.search.Algorithms;

/**
 * A search cell computes the ReLU and the pools of each state once for all the mixed ops reading
 * it; outputs and the gradients of inputs, weights and architecture weights are those of computing
 * them in every primitive. Pools carry a BatchNorm in search edges, as in DARTS.
 */
class SearchCellSharingTest {
    static final List<String> DARTS = TinySearch.DARTS;
    static final OpRegistry REGISTRY = Algorithms.installed().opRegistry();

    @Test
    void twoMixedOpsOnOneStateShareItsReluAndPools() {
        try (NDManager m = NDManager.newBaseManager()) {
            Shape in = new Shape(2, 4, 6, 6);
            OpDesc d =
                    OpDesc.of(MixedOp.NAME, ConvMacroParams.of(4), 1, false)
                            .withParam("primitives", DARTS);
            OpContext ctx = OpContext.standalone(REGISTRY);
            MixedOp a = new MixedOp(d, ctx.withArchKey("cell0.node0.edge0"));
            MixedOp b = new MixedOp(d, ctx.withArchKey("cell0.node1.edge0"));
            a.initialize(m, DataType.FLOAT32, in);
            b.initialize(m, DataType.FLOAT32, in);
            ctx.archParams().initialize(m, DataType.FLOAT32);
            assertTrue(a.getChildren().values().get(0) instanceof PoolBn, "max_pool_3x3 + BN");
            NDArray x = m.randomNormal(in);
            ParameterStore ps = new ParameterStore(m, false);
            try (SharedOutputs shared = new SharedOutputs()) {
                a.forward(ps, new NDList(x), true, shared.params());
                // the first ReLU of four convolutions (one computed), the second ReLU of each
                // separable convolution (its own input each), two pools
                assertEquals(5, shared.computed());
                assertEquals(3, shared.reused());
                b.forward(ps, new NDList(x), true, shared.params());
                assertEquals(7, shared.computed(), "b computes only its own second ReLUs");
                assertEquals(9, shared.reused());
            }
        }
    }

    @Test
    void searchCellsGiveTheSameOutputsAndGradientsWithAndWithoutSharing() {
        ModelDesc net = TinySearch.desc(DARTS, 3, 1);
        for (CellDesc cell : List.of(net.cells().get(0), net.cells().get(1))) {
            Shape s0 = new Shape(3, cell.stem0().conv().chIn(), 8, 8);
            Shape s1 = new Shape(3, cell.stem1().conv().chIn(), 8, 8);
            List<float[]> shared = pass(cell, true, s0, s1);
            List<float[]> each = pass(cell, false, s0, s1);
            assertEquals(each.size(), shared.size());
            for (int i = 0; i < each.size(); i++) {
                float[] want = each.get(i);
                // rounding of sums taken in another order, relative to the array's scale
                float scale = 1f;
                for (float v : want) {
                    scale = Math.max(scale, Math.abs(v));
                }
                assertArrayEquals(
                        want, shared.get(i), 2e-5f * scale, "cell " + cell.id() + " result " + i);
            }
        }
    }

    @Test
    void theMemoryEstimateCountsEachSharedReluAndPoolOnce() {
        // normal cell of 2 nodes: 5 edges on 3 states, each edge starting with 4 ReLUs (sep and
        // dil convs) and 2 pools; computed: a ReLU and 2 pools per state, all of one size
        CellDesc normal = TinySearch.desc(DARTS, 3, 1).cells().get(0);
        try (NDManager m = NDManager.newBaseManager()) {
            OpContext ctx = OpContext.standalone(REGISTRY);
            Shape s0 = new Shape(1, normal.stem0().conv().chIn(), 8, 8);
            Shape s1 = new Shape(1, normal.stem1().conv().chIn(), 8, 8);
            CellBlock cell = new CellBlock(normal, ctx);
            cell.initialize(m, DataType.FLOAT32, s0, s1);
            long state = (long) normal.nodes().get(0).conv().chOut() * 8 * 8;
            assertEquals((5 * 6 - 3 * 3) * state, cell.sharedOutputElements());
            CellBlock each = CellBlock.unshared(normal, OpContext.standalone(REGISTRY));
            each.initialize(m, DataType.FLOAT32, s0, s1);
            assertEquals(0, each.sharedOutputElements());
        }
    }

    /** Output, input gradients, then every parameter's and architecture weight's gradient. */
    private static List<float[]> pass(CellDesc desc, boolean share, Shape s0, Shape s1) {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            OpContext ctx = OpContext.standalone(REGISTRY);
            CellBlock cell = share ? new CellBlock(desc, ctx) : CellBlock.unshared(desc, ctx);
            cell.initialize(m, DataType.FLOAT32, s0, s1);
            ctx.archParams().initialize(m, DataType.FLOAT32);
            Engine.getInstance().setRandomSeed(3);
            NDArray a = m.randomNormal(s0);
            NDArray b = m.randomNormal(s1);
            a.setRequiresGradient(true);
            b.setRequiresGradient(true);
            List<float[]> out = new ArrayList<>();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y =
                        cell.forward(new ParameterStore(m, false), new NDList(a, b), true)
                                .singletonOrThrow();
                NDArray w = m.arange((float) y.size()).reshape(y.getShape()).div(y.size());
                gc.backward(y.mul(w).sum());
                out.add(y.toFloatArray());
            }
            out.add(a.getGradient().toFloatArray());
            out.add(b.getGradient().toFloatArray());
            addGradients(cell, out);
            for (Parameter p : ctx.archParams().list()) {
                out.add(p.getArray().getGradient().toFloatArray());
            }
            return out;
        }
    }

    private static void addGradients(Block block, List<float[]> out) {
        for (var p : block.getParameters()) {
            NDArray arr = p.getValue().getArray();
            if (arr.hasGradient()) {
                out.add(arr.getGradient().toFloatArray());
            }
        }
    }
}
