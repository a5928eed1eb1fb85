package org.nas4j.algos.gs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.ArchParams;
import org.nas4j.ops.OpContext;
import org.nas4j.ops.OpRegistry;
import org.nas4j.search.Algorithms;

class GsOpTest {
    // not sorted: Archai sliced the node's sample in sorted order (avg, max, none, skip)
    private static final List<String> PRIMS =
            List.of("skip_connect", "avg_pool_3x3", "max_pool_3x3", "none");
    private static final Shape IN = new Shape(2, 3, 6, 6);
    private NDManager manager;
    private GsOp[] edges;
    private ArchParams arch;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    /** A node of two gs_op edges in {@code type}, logits set to {@code logits} when given. */
    private void buildNode(boolean hard, int numSample, DataType type, double[] logits) {
        OpRegistry reg = Algorithms.installed().opRegistry();
        arch = new ArchParams();
        edges = new GsOp[2];
        for (int j = 0; j < 2; j++) {
            OpDesc d =
                    OpDesc.of(GsOp.NAME, ConvMacroParams.of(3), 1, false)
                            .withParam(GsEdgeReader.PRIMITIVES, PRIMS)
                            .withParam(GsEdgeReader.EDGE_INDEX, j)
                            .withParam(GsEdgeReader.NODE_EDGES, 2)
                            .withParam(GsEdgeReader.NUM_SAMPLE, numSample)
                            .withParam(GsEdgeReader.HARD, hard);
            edges[j] = (GsOp) reg.create(d, new OpContext(reg, arch, "cell0.node1.edge" + j));
            edges[j].initialize(manager, type, IN);
        }
        arch.initialize(manager, type);
        if (logits != null) {
            for (int j = 0; j < 2; j++) {
                NDArray a = arch.get("cell0.node1.edge" + j + ".alphas").getArray();
                for (int k = 0; k < PRIMS.size(); k++) {
                    a.set(new NDIndex(k), logits[j * PRIMS.size() + k]);
                }
            }
        }
    }

    private NDArray random(long seed) {
        Random r = new Random(seed);
        double[] v = new double[(int) IN.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        return manager.create(v, IN);
    }

    private static double[] values(NDArray a) {
        return a.toType(DataType.FLOAT64, false).toDoubleArray();
    }

    @Test
    void theNodesEdgesShareOneParameterPerEdgeAndOneDrawPerPass() {
        buildNode(false, 1, DataType.FLOAT32, null);
        assertTrue(edges[0].node() == edges[1].node());
        assertEquals(2, arch.list().size());
        NDArray x = random(1).toType(DataType.FLOAT32, false);
        Engine.getInstance().setRandomSeed(3);
        ParameterStore ps = new ParameterStore(manager, false);
        double[] w0 = values(edges[0].weights(ps, x, true));
        double[] w1 = values(edges[1].weights(ps, x, true));
        double sum = 0;
        for (int k = 0; k < PRIMS.size(); k++) {
            sum += w0[k] + w1[k];
        }
        // one soft draw over the node's 8 (edge, op) pairs sums to 1; two draws would not
        assertEquals(1.0, sum, 1e-5);
        assertArrayEquals(w0, values(edges[0].weights(ps, x, true)), 0.0);
        double[] fresh = values(edges[0].weights(new ParameterStore(manager, false), x, true));
        assertFalse(java.util.Arrays.equals(w0, fresh), "a new pass must draw new noise");
    }

    @Test
    void eachEdgeWeighsItsPrimitivesInPrimitiveOrder() {
        double[] logits = {-10, -10, -10, -10, 10, -10, -10, -10}; // edge 1, skip_connect
        buildNode(false, 1, DataType.FLOAT64, logits);
        NDArray x = random(2);
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray y1 = edges[1].forward(ps, new NDList(x), false).head();
        NDArray y0 = edges[0].forward(ps, new NDList(x), false).head();
        assertTrue(y1.sub(x).abs().max().getDouble() < 1e-6, "edge 1 is not skip_connect");
        assertTrue(y0.abs().max().getDouble() < 1e-6, "edge 0 should weigh almost nothing");
    }

    private double loss(NDArray x0, NDArray x1, NDArray r) {
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray out =
                edges[0].forward(ps, new NDList(x0), true)
                        .head()
                        .add(edges[1].forward(ps, new NDList(x1), true).head());
        return out.mul(r).sum().getDouble();
    }

    @Test
    void logitGradientsMatchFiniteDifferencesWithTheNoiseHeldFixed() {
        double[] logits = {0.2, -0.4, 0.1, 0.3, -0.2, 0.5, 0.0, -0.1};
        buildNode(false, 2, DataType.FLOAT64, logits);
        Random rnd = new Random(5);
        double[] g = new double[2 * 8];
        for (int i = 0; i < g.length; i++) {
            g[i] = -Math.log(-Math.log(rnd.nextDouble()));
        }
        edges[0].node().setNoise((m, shape) -> m.create(g, shape));
        edges[0].node().setTemperature(0.7);
        NDArray x0 = random(6);
        NDArray x1 = random(7);
        NDArray r = random(8);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray out =
                    edges[0].forward(ps, new NDList(x0), true)
                            .head()
                            .add(edges[1].forward(ps, new NDList(x1), true).head());
            gc.backward(out.mul(r).sum());
        }
        double h = 1e-6;
        for (int j = 0; j < 2; j++) {
            Parameter p = edges[0].node().slices().get(j);
            double[] grad = p.getArray().getGradient().toDoubleArray();
            for (int k = 0; k < PRIMS.size(); k++) {
                NDArray a = p.getArray();
                double v = a.getDouble(k);
                a.set(new NDIndex(k), v + h);
                double plus = loss(x0, x1, r);
                a.set(new NDIndex(k), v - h);
                double minus = loss(x0, x1, r);
                a.set(new NDIndex(k), v);
                double fd = (plus - minus) / (2 * h);
                assertEquals(
                        fd, grad[k], 1e-6 * Math.max(1, Math.abs(fd)), "edge " + j + " op " + k);
                assertTrue(Math.abs(grad[k]) > 1e-8, "no gradient reached edge " + j + " op " + k);
            }
        }
    }
}
