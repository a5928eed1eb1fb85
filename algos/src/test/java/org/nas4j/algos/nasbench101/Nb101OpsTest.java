package org.nas4j.algos.nasbench101;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.junit.jupiter.api.Test;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.OpContext;
import org.nas4j.ops.OpRegistry;

/** The NAS-Bench-101 ops on tiny tensors, values checked by hand. */
class Nb101OpsTest {
    private static final OpRegistry OPS = new OpRegistry();

    static {
        new Nb101Ops().registerOps(OPS);
    }

    private static Block build(OpDesc d, NDManager m, Shape in) {
        Block b = OPS.create(d, OpContext.standalone(OPS));
        b.initialize(m, DataType.FLOAT32, in);
        return b;
    }

    private static NDArray run(Block b, NDManager m, NDArray x) {
        NDArray y = b.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
        assertEquals(b.getOutputShapes(new Shape[] {x.getShape()})[0], y.getShape());
        return y;
    }

    private static OpDesc op(String name, int chIn, int chOut, int stride) {
        return OpDesc.of(name, new ConvMacroParams(chIn, chOut), stride, true);
    }

    @Test
    void truncateKeepsTheFirstChannelsAndConcatPlacesAtTheOffset() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(1f, 4f).reshape(1, 3, 1, 1);
            NDArray t = run(build(op("nb101_truncate", 3, 2, 1), m, x.getShape()), m, x);
            assertArrayEquals(new float[] {1, 2}, t.toFloatArray());
            OpDesc place = op("nb101_concat", 3, 6, 1).withParam("offset", 2);
            NDArray c = run(build(place, m, x.getShape()), m, x);
            assertArrayEquals(new float[] {0, 0, 1, 2, 3, 0}, c.toFloatArray());
            assertThrows(
                    NasException.class,
                    () -> OPS.create(place.withParam("offset", 4), OpContext.standalone(OPS)));
            assertThrows(
                    NasException.class,
                    () -> OPS.create(op("nb101_truncate", 2, 3, 1), OpContext.standalone(OPS)));
        }
    }

    @Test
    void downsamplingRoundsAnOddSizeUpAsTensorflowsSamePadding() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(9f).reshape(1, 1, 3, 3);
            NDArray y = run(build(op("nb101_downsample", 1, 1, 2), m, x.getShape()), m, x);
            assertEquals(new Shape(1, 1, 2, 2), y.getShape());
            assertArrayEquals(new float[] {4, 5, 7, 8}, y.toFloatArray());
            NDArray p = run(build(op("maxpool3x3", 1, 1, 1), m, x.getShape()), m, x);
            assertArrayEquals(new float[] {4, 5, 5, 7, 8, 8, 7, 8, 8}, p.toFloatArray());
        }
    }

    @Test
    void convsHaveNoBiasLearnBatchNormScaleAndShiftAndPassGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            Shape in = new Shape(2, 4, 5, 5);
            OpDesc d = op("conv3x3-bn-relu", 4, 6, 1).withParam("bn_momentum", 0.997);
            Block b = build(d, m, in);
            long n = 0;
            for (var p : b.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    n += p.getValue().getShape().size();
                }
            }
            assertEquals(9 * 4 * 6 + 2 * 6, n);
            NDArray x = m.randomNormal(in);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = run(b, m, x);
                assertTrue(y.min().getFloat() >= 0);
                gc.backward(y.mul(m.randomNormal(y.getShape())).sum());
            }
            for (var p : b.getParameters()) {
                Parameter param = p.getValue();
                if (param.requiresGradient()) {
                    assertTrue(
                            param.getArray().getGradient().abs().sum().getFloat() > 0, p.getKey());
                }
            }
            assertThrows(
                    NasException.class,
                    () -> OPS.create(d.withParam("bn_momentum", 1.0), OpContext.standalone(OPS)));
        }
    }

    @Test
    void convWeightsStartWithVarianceOneOverFanIn() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            Block b = build(op("conv3x3-bn-relu", 64, 64, 1), m, new Shape(1, 64, 4, 4));
            NDArray w =
                    b.getParameters().values().stream()
                            .filter(p -> p.getType() == Parameter.Type.WEIGHT)
                            .findFirst()
                            .orElseThrow()
                            .getArray();
            double var = w.pow(2).mean().getFloat();
            assertEquals(1.0 / (9 * 64), var, 0.1 / (9 * 64));
        }
    }
}
