package org.nas4j.ops.prims;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.OpDesc;

/**
 * The contract every registered op keeps: its output has the shape {@code getOutputShapes} gives
 * (stride 1 and 2, even and odd sizes), stride 2 halves H and W (rounding up), gradients reach
 * every trainable parameter, a fixed seed reproduces the output, and BatchNorm learns scale and
 * shift exactly when the desc is affine. Extended once per op family.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OpContractTest {
    static final int C_IN = 4;
    static final int BATCH = 2;

    /** The registered names this family covers. */
    abstract List<String> opNames();

    /** Output channels for {@code name}; by default differs from the input's. */
    int chOut(String name) {
        return 6;
    }

    /** Strides {@code name} is built with. */
    int[] strides(String name) {
        return new int[] {1, 2};
    }

    /** The desc for {@code name}. */
    OpDesc desc(String name, int stride, boolean affine) {
        return OpDesc.of(name, new ConvMacroParams(C_IN, chOut(name)), stride, affine);
    }

    /** Inputs of spatial size {@code h x h}. */
    NDList inputs(NDManager manager, String name, long h) {
        return OpTests.randn(manager, new Shape(BATCH, C_IN, h, h));
    }

    /** The expected output height for input height {@code h}, or -1 when not spatial. */
    long expectedHeight(String name, int stride, long h) {
        return PrimShapes.strided(h, stride);
    }

    List<String> names() {
        return opNames();
    }

    @ParameterizedTest
    @MethodSource("names")
    void outputShapeMatchesGetOutputShapes(String name) {
        for (int stride : strides(name)) {
            for (long h : stride == 1 ? new long[] {8} : new long[] {8, 7}) {
                try (NDManager m = NDManager.newBaseManager()) {
                    NDList in = inputs(m, name, h);
                    Block op = OpTests.init(OpTests.build(desc(name, stride, false)), m, in);
                    Shape out = OpTests.forward(op, m, in, true).getShape();
                    String at = name + " stride " + stride + " size " + h;
                    assertEquals(op.getOutputShapes(OpTests.shapes(in))[0], out, at);
                    long eh = expectedHeight(name, stride, h);
                    if (eh >= 0) {
                        assertEquals(eh, out.get(2), at);
                        assertEquals(eh, out.get(3), at);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void gradientsReachEveryTrainableParameter(String name) {
        for (int stride : strides(name)) {
            try (NDManager m = NDManager.newBaseManager()) {
                Block op = trainOnce(m, name, stride, true);
                for (var p : op.getParameters()) {
                    Parameter param = p.getValue();
                    if (param.requiresGradient()) {
                        float g = param.getArray().getGradient().abs().sum().getFloat();
                        assertTrue(g > 0, name + ": no gradient reaches " + p.getKey());
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void sameSeedGivesSameOutput(String name) {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] first = seededOutput(m, name);
            float[] second = seededOutput(m, name);
            assertArrayEquals(first, second, name);
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void batchNormLearnsScaleAndShiftOnlyWhenAffine(String name) {
        try (NDManager m = NDManager.newBaseManager()) {
            Block frozen = trainOnce(m, name, 1, false);
            for (var p : frozen.getParameters()) {
                Parameter param = p.getValue();
                if (isScaleOrShift(param)) {
                    assertFalse(param.requiresGradient(), name + ": " + p.getKey());
                    float expected = param.getType() == Parameter.Type.GAMMA ? 1f : 0f;
                    NDArray a = param.getArray();
                    assertEquals(expected, a.min().getFloat(), name + ": " + p.getKey());
                    assertEquals(expected, a.max().getFloat(), name + ": " + p.getKey());
                }
            }
            Block learning = OpTests.build(desc(name, 1, true));
            for (var p : learning.getParameters()) {
                if (isScaleOrShift(p.getValue())) {
                    assertTrue(p.getValue().requiresGradient(), name + ": " + p.getKey());
                }
            }
        }
    }

    private static boolean isScaleOrShift(Parameter p) {
        return p.getType() == Parameter.Type.GAMMA || p.getType() == Parameter.Type.BETA;
    }

    private float[] seededOutput(NDManager m, String name) {
        Engine.getInstance().setRandomSeed(42);
        NDList in = inputs(m, name, 8);
        Block op = OpTests.init(OpTests.build(desc(name, 1, false)), m, in);
        return OpTests.forward(op, m, in, true).toFloatArray();
    }

    /** Builds the op, runs one forward and backward pass; returns the op. */
    private Block trainOnce(NDManager m, String name, int stride, boolean affine) {
        Engine.getInstance().setRandomSeed(7);
        NDList in = inputs(m, name, 8);
        Block op = OpTests.init(OpTests.build(desc(name, stride, affine)), m, in);
        boolean trainable =
                op.getParameters().stream().anyMatch(p -> p.getValue().requiresGradient());
        if (!trainable) {
            return op;
        }
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray out = OpTests.forward(op, m, in, true);
            // Random weights keep BN outputs from summing to a constant (zero gradient).
            NDArray w = m.randomNormal(out.getShape());
            gc.backward(out.mul(w).sum());
        }
        return op;
    }
}
