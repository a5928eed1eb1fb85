package org.nas4j.algos.xnas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.OpContext;
import org.nas4j.search.Algorithms;

class XnasOpTest {
    private static final List<String> PRIMITIVES =
            List.of("avg_pool_3x3", "skip_connect", "max_pool_3x3", "none");
    private static final Shape X = new Shape(2, 3, 8, 8);

    private NDManager manager;
    private OpContext ctx;
    private XnasOp op;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        Engine.getInstance().setRandomSeed(7);
        ctx = OpContext.standalone(Algorithms.installed().opRegistry()).withArchKey("e");
        OpDesc desc =
                OpDesc.of(XnasOp.NAME, ConvMacroParams.of(3), 1, false)
                        .withParam(XnasEdgeReader.PRIMITIVES, PRIMITIVES);
        op = new XnasOp(desc, ctx);
        op.initialize(manager, DataType.FLOAT32, X);
        ctx.archParams().initialize(manager, DataType.FLOAT32);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private Parameter arch(String name) {
        return ctx.archParams().get("e." + name);
    }

    private static double dot(NDArray a, NDArray b) {
        return a.mul(b).sum().toType(DataType.FLOAT64, false).getDouble();
    }

    /**
     * The gradient of the leaf weights from one batched backward pass equals {@code <dL/dout, o_k>}
     * computed by hand for {@code L = mean((out - target)^2)}, so the reward is its negation.
     */
    @Test
    void batchedWeightGradientIsTheDotOfTheOutputGradientWithEachOp() {
        arch(XnasEdgeReader.WEIGHTS).getArray().set(new float[] {0.1f, 0.2f, 0.3f, 0.4f});
        NDArray x = manager.randomNormal(X);
        NDArray target = manager.randomNormal(X);
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray out;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            out = op.forward(ps, new NDList(x), true).head();
            gc.backward(out.sub(target).square().mean());
        }
        NDArray dLdOut = out.sub(target).mul(2.0 / X.size());
        float[] grad = arch(XnasEdgeReader.WEIGHTS).getArray().getGradient().toFloatArray();
        double[] byHand = new double[PRIMITIVES.size()];
        NDArray mixture = manager.zeros(X);
        for (int k = 0; k < 3; k++) {
            Block child = op.getChildren().values().get(k); // children skip none
            NDArray ok = child.forward(ps, new NDList(x), true).head();
            byHand[k] = dot(dLdOut, ok);
            mixture = mixture.add(ok.mul(0.1f * (k + 1)));
        }
        assertArrayEquals(out.toFloatArray(), mixture.toFloatArray(), 1e-5f, "the mixture");
        for (int k = 0; k < byHand.length; k++) {
            assertEquals(byHand[k], grad[k], 1e-6, PRIMITIVES.get(k));
        }
        double[] r = ExpertWeights.rewards(grad, 100.0); // a bound that does not clamp
        for (int k = 0; k < byHand.length; k++) {
            assertEquals(-byHand[k], r[k], 1e-6, "reward of " + PRIMITIVES.get(k));
        }
        assertEquals(0.0, r[3], 0.0, "none contributes nothing and earns nothing");
    }

    @Test
    void wipedOutExpertIsNotComputedAndGetsNoGradient() {
        arch(XnasEdgeReader.WEIGHTS).getArray().set(new float[] {0f, 0.5f, 0.5f, 0f});
        arch(XnasEdgeReader.WIPED).getArray().set(new float[] {1f, 0f, 0f, 0f});
        NDArray x = manager.randomNormal(X);
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray out;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            out = op.forward(ps, new NDList(x), true).head();
            gc.backward(out.sum());
        }
        NDArray skip = x;
        NDArray max = op.getChildren().values().get(2).forward(ps, new NDList(x), true).head();
        float[] expected = skip.add(max).mul(0.5f).toFloatArray();
        assertArrayEquals(expected, out.toFloatArray(), 1e-5f);
        float[] grad = arch(XnasEdgeReader.WEIGHTS).getArray().getGradient().toFloatArray();
        assertEquals(0f, grad[0], 0f);
        assertEquals(dot(manager.ones(X), max), grad[2], 1e-3);
    }
}
