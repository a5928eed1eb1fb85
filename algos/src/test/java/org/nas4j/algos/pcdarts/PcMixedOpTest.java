package org.nas4j.algos.pcdarts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nas4j.algos.darts.MixedOp;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.ArchParams;
import org.nas4j.ops.OpContext;
import org.nas4j.ops.OpRegistry;

/**
 * The partial-channel edge: same output shape as the DARTS mixed op, bypassed channels land where
 * the shuffle puts them scaled by the edge's beta share, gradients reach alphas and every beta of
 * the node and match float64 finite differences.
 */
class PcMixedOpTest {
    static final List<String> PRIMS =
            List.of("max_pool_3x3", "sep_conv_3x3", "skip_connect", "none");
    static final OpRegistry REGISTRY = OpRegistry.standard();

    static OpDesc desc(int ch, int stride, int k, int nodeEdges) {
        return OpDesc.of(PcMixedOp.NAME, ConvMacroParams.of(ch), stride, false)
                .withParam("primitives", PRIMS)
                .withParam(PcMixedOp.K, k)
                .withParam(PcMixedOp.NODE_EDGES, nodeEdges);
    }

    /** A pc_mixed_op on edge 1 of a 3-edge node, initialised for {@code in}. */
    static PcMixedOp op(OpDesc d, ArchParams arch, NDManager m, DataType type, Shape in) {
        PcMixedOp op = new PcMixedOp(d, new OpContext(REGISTRY, arch, "cell0.node1.edge1"));
        op.initialize(m, type, in);
        arch.initialize(m, type);
        return op;
    }

    static NDArray forward(Block op, NDManager m, NDArray x) {
        return op.forward(new ParameterStore(m, false), new NDList(x), true).head();
    }

    @Test
    void outputShapeEqualsTheDartsMixedOpsAtStrideOneAndTwo() {
        for (int stride : new int[] {1, 2}) {
            for (long h : new long[] {8, 7}) {
                try (NDManager m = NDManager.newBaseManager()) {
                    Shape in = new Shape(2, 8, h, h);
                    NDArray x = m.randomNormal(in);
                    PcMixedOp pc =
                            op(desc(8, stride, 4, 3), new ArchParams(), m, DataType.FLOAT32, in);
                    OpDesc dd = desc(8, stride, 4, 3).withName(MixedOp.NAME);
                    OpContext dctx = OpContext.standalone(REGISTRY);
                    MixedOp darts = new MixedOp(dd, dctx);
                    darts.initialize(m, DataType.FLOAT32, in);
                    dctx.archParams().initialize(m, DataType.FLOAT32);
                    Shape expected = forward(darts, m, x).getShape();
                    String at = "stride " + stride + " size " + h;
                    assertEquals(expected, forward(pc, m, x).getShape(), at);
                    assertEquals(expected, pc.getOutputShapes(new Shape[] {in})[0], at);
                    Shape part = pc.mixed().getOutputShapes(new Shape[] {new Shape(2, 2, h, h)})[0];
                    assertEquals(2, part.get(1), at + ": the mixed op sees C/k channels");
                }
            }
        }
    }

    @Test
    void bypassedChannelsArriveShuffledAndScaledByTheBetaShare() {
        for (int stride : new int[] {1, 2}) {
            try (NDManager m = NDManager.newBaseManager()) {
                Shape in = new Shape(2, 8, 6, 6);
                NDArray x = m.randomNormal(in);
                ArchParams arch = new ArchParams();
                PcMixedOp pc = op(desc(8, stride, 4, 3), arch, m, DataType.FLOAT32, in);
                // betas (0, ln 2, 0): edge 1 gets 2 / (1 + 2 + 1) = 0.5 of its node.
                arch.get("cell0.node1.edge0.beta").getArray().set(new float[] {0f});
                arch.get("cell0.node1.edge1.beta")
                        .getArray()
                        .set(new float[] {(float) Math.log(2)});
                arch.get("cell0.node1.edge2.beta").getArray().set(new float[] {0f});
                NDArray out = forward(pc, m, x);
                NDArray rest = x.get(new NDIndex(":, 2:"));
                if (stride == 2) {
                    rest =
                            Pool.maxPool2d(
                                    rest, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), true);
                }
                // Concatenated channel c = g*2 + i (i < 2) goes to output channel i*4 + g; the
                // bypass holds concatenated channels 2..7.
                for (int c = 2; c < 8; c++) {
                    int target = (c % 2) * 4 + c / 2;
                    float[] got = out.get(new NDIndex(":, {}", target)).toFloatArray();
                    float[] want = rest.get(new NDIndex(":, {}", c - 2)).mul(0.5f).toFloatArray();
                    assertArrayEquals(want, got, 1e-6f, "stride " + stride + " channel " + c);
                }
            }
        }
    }

    @Test
    void gradientsReachTheAlphasAndEveryBetaOfTheNodeAndMatchFiniteDifferences() {
        Engine.getInstance().setRandomSeed(5);
        try (NDManager m = NDManager.newBaseManager()) {
            Shape in = new Shape(2, 4, 5, 5);
            NDArray x = m.randomNormal(in).toType(DataType.FLOAT64, false);
            NDArray w = m.randomNormal(new Shape(2, 4, 5, 5)).toType(DataType.FLOAT64, false);
            ArchParams arch = new ArchParams();
            PcMixedOp pc = op(desc(4, 1, 2, 3), arch, m, DataType.FLOAT64, in);
            for (Parameter p : arch.list()) {
                p.getArray()
                        .set(
                                m.randomNormal(p.getShape())
                                        .toType(DataType.FLOAT64, false)
                                        .toDoubleArray());
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(forward(pc, m, x).mul(w).sum());
            }
            assertEquals(4, arch.list().size(), "alphas and the node's three betas");
            for (Parameter p : arch.list()) {
                double[] g = p.getArray().getGradient().toDoubleArray();
                double[] v = p.getArray().toDoubleArray();
                for (int i = 0; i < v.length; i++) {
                    assertTrue(g[i] != 0, p.getName() + "[" + i + "] has no gradient");
                    double h = 1e-6;
                    double up = loss(pc, m, x, w, p, v, i, h);
                    double down = loss(pc, m, x, w, p, v, i, -h);
                    p.getArray().set(v);
                    double fd = (up - down) / (2 * h);
                    assertEquals(
                            fd,
                            g[i],
                            1e-6 * Math.max(1, Math.abs(fd)),
                            p.getName() + "[" + i + "]");
                }
            }
        }
    }

    /** The loss with value {@code i} of {@code p} moved by {@code h}. */
    private static double loss(
            PcMixedOp pc,
            NDManager m,
            NDArray x,
            NDArray w,
            Parameter p,
            double[] v,
            int i,
            double h) {
        double[] moved = v.clone();
        moved[i] += h;
        p.getArray().set(moved);
        return forward(pc, m, x).mul(w).sum().getDouble();
    }

    @Test
    void channelsNotDivisibleByKAndKeysOutsideACellAreRefused() {
        ArchParams arch = new ArchParams();
        assertThrows(
                NasException.class,
                () ->
                        new PcMixedOp(
                                desc(6, 1, 4, 2),
                                new OpContext(REGISTRY, arch, "cell0.node0.edge0")));
        NasException e =
                assertThrows(
                        NasException.class,
                        () -> new PcMixedOp(desc(8, 1, 4, 2), OpContext.standalone(REGISTRY)));
        assertTrue(e.getMessage().contains("'op'"), e.getMessage());
    }
}
