package org.nas4j.train.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nas4j.core.NasException;
import org.nas4j.core.conf.Conf;

/**
 * Optimizer trajectories on {@code L = 0.5 * sum(c * w^2)} with {@code c = [1, 3]}, {@code w0 = [1,
 * -2]}, against values worked out with PyTorch's formulas in double precision.
 */
class OptimizerTrajectoryTest {
    private static final float[] C = {1f, 3f};
    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private Parameter param(String name, float... values) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
        NDArray a = manager.create(values);
        a.setRequiresGradient(true);
        p.setArray(a);
        return p;
    }

    /** One forward/backward of the quadratic, leaving the gradient {@code c*w} on {@code w}. */
    private void backward(Parameter w) {
        try (NDManager step = manager.newSubManager();
                GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray c = step.create(C);
            NDArray loss = c.mul(w.getArray().square()).sum().mul(0.5);
            gc.backward(loss);
        }
    }

    private float[] run(NasOptimizer opt, Parameter w, double lr, int steps) {
        for (int i = 0; i < steps; i++) {
            opt.zeroGrad(List.of(w));
            backward(w);
            opt.step(List.of(w), lr);
        }
        return w.getArray().toFloatArray();
    }

    @Test
    void sgdWithNesterovMomentumAndDecayFollowsPyTorch() {
        Parameter w = param("w", 1f, -2f);
        try (NasOptimizer opt = new Sgd(0.9, true, 0.01)) {
            assertArrayEquals(new float[] {0.8081f, -0.8562f}, run(opt, w, 0.1, 1), 1e-6f);
            assertArrayEquals(new float[] {0.57121561f, 0.12108078f}, run(opt, w, 0.1, 1), 1e-6f);
            assertArrayEquals(new float[] {0.32185967f, 0.69944280f}, run(opt, w, 0.1, 1), 1e-6f);
        }
    }

    /**
     * PyTorch keeps the learning rate outside the momentum buffer; DJL's native update, which Sgd
     * uses, keeps it inside. With a schedule that changes the learning rate every step (and a zero
     * step, which the native update cannot express) the trajectory is still PyTorch's.
     */
    @Test
    void sgdWithMomentumFollowsPyTorchWhileTheLearningRateChanges() {
        double[] lrs = {0.1, 0.05, 0.2, 0.0, 0.1, 0.02};
        double m = 0.9;
        double wd = 0.01;
        double[] w = {1, -2};
        double[] buf = {0, 0};
        Parameter p = param("w", 1f, -2f);
        try (NasOptimizer opt = new Sgd(m, false, wd)) {
            for (int t = 0; t < lrs.length; t++) {
                for (int i = 0; i < 2; i++) {
                    double d = C[i] * w[i] + wd * w[i];
                    buf[i] = t == 0 ? d : m * buf[i] + d;
                    w[i] -= lrs[t] * buf[i];
                }
                float[] got = run(opt, p, lrs[t], 1);
                assertArrayEquals(
                        new float[] {(float) w[0], (float) w[1]}, got, 1e-6f, "step " + t);
            }
            // kept as lr * buf (here 0.02 * buf): single-precision rounding of the division
            NDArray kept = ((Sgd) opt).momentumBuffer(p, manager);
            assertArrayEquals(
                    new float[] {(float) buf[0], (float) buf[1]}, kept.toFloatArray(), 4e-6f);
        }
    }

    @Test
    void aVersionOneStateLoadsWithItsBuffersAsTheyAre() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(1);
        TensorIo.writeString(out, "sgd");
        out.writeInt(1);
        TensorIo.writeString(out, "w");
        out.writeLong(3);
        out.writeInt(1);
        TensorIo.write(out, TensorIo.toHost(manager.create(new float[] {0.5f, -1f}), "w"));
        OptimizerState state =
                OptimizerState.read(
                        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(1.0, state.entries().get("w").scale());
        Parameter p = param("w", 1f, -2f);
        try (Sgd opt = new Sgd(0.9, false, 0.0)) {
            opt.loadState(state, NamedParams.of(Map.of("w", p)));
            assertArrayEquals(
                    new float[] {0.5f, -1f}, opt.momentumBuffer(p, manager).toFloatArray(), 0f);
        }
    }

    @Test
    void adamWithL2DecayFollowsPyTorch() {
        Parameter w = param("w", 1f, -2f);
        try (NasOptimizer opt = new Adam(0.5, 0.999, 1e-8, 0.01)) {
            assertArrayEquals(new float[] {0.9f, -1.9f}, run(opt, w, 0.1, 1), 1e-6f);
            assertArrayEquals(new float[] {0.80188760f, -1.80088601f}, run(opt, w, 0.1, 1), 1e-6f);
            assertArrayEquals(new float[] {0.70697132f, -1.70321610f}, run(opt, w, 0.1, 1), 1e-6f);
        }
    }

    @Test
    void parametersWithoutGradientAreSkipped() {
        Parameter w = param("w", 1f, -2f);
        Parameter frozen = Parameter.builder().setName("f").setType(Parameter.Type.WEIGHT).build();
        frozen.setArray(manager.create(new float[] {5f}));
        try (NasOptimizer opt = new Sgd(0.9, false, 0.0)) {
            backward(w);
            opt.step(List.of(w, frozen), 0.1);
            assertArrayEquals(new float[] {5f}, frozen.getArray().toFloatArray());
            assertArrayEquals(new float[] {0.9f, -1.4f}, w.getArray().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void savedStateContinuesBitIdentically() throws IOException {
        for (String type : List.of("sgd", "adam")) {
            OptimizerSpec spec =
                    OptimizerSpec.fromConf(
                            Conf.of(
                                    Map.of("type", type, "lr", 0.1, "momentum", 0.9, "decay", 0.01),
                                    "test"));
            Parameter a = param("w", 1f, -2f);
            float[] straight;
            try (NasOptimizer opt = spec.create()) {
                straight = run(opt, a, 0.1, 4);
            }
            Parameter b = param("w", 1f, -2f);
            byte[] saved;
            float[] mid;
            try (NasOptimizer opt = spec.create()) {
                mid = run(opt, b, 0.1, 2);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                opt.saveState(new DataOutputStream(bytes), NamedParams.of(Map.of("w", b)));
                saved = bytes.toByteArray();
            }
            Parameter c = param("w", mid);
            try (NasOptimizer opt = spec.create()) {
                opt.loadState(
                        new DataInputStream(new ByteArrayInputStream(saved)),
                        NamedParams.of(Map.of("w", c)));
                assertArrayEquals(straight, run(opt, c, 0.1, 2), 0f, type);
            }
        }
    }

    @Test
    void stateOfAnotherModelIsRefusedNamingTheMismatch() throws IOException {
        Parameter w = param("w", 1f, -2f);
        OptimizerState state;
        try (NasOptimizer opt = new Adam(0.9, 0.999, 1e-8, 0)) {
            run(opt, w, 0.1, 1);
            state = opt.state(NamedParams.of(Map.of("w", w)));
        }
        Parameter other = param("w", 1f, 2f, 3f);
        try (NasOptimizer opt = new Adam(0.9, 0.999, 1e-8, 0)) {
            NasException e =
                    assertThrows(
                            NasException.class,
                            () -> opt.loadState(state, NamedParams.of(Map.of("w", other))));
            assertTrue(
                    e.getMessage().contains("'w'") && e.getMessage().contains("(3)"),
                    e::getMessage);
            NasException e2 =
                    assertThrows(
                            NasException.class,
                            () -> opt.loadState(state, NamedParams.of(Map.of("v", other))));
            assertTrue(e2.getMessage().contains("'w'"), e2::getMessage);
        }
        try (NasOptimizer opt = new Sgd(0.9, false, 0)) {
            NasException e =
                    assertThrows(
                            NasException.class,
                            () -> opt.loadState(state, NamedParams.of(Map.of("w", w))));
            assertTrue(e.getMessage().contains("adam"), e::getMessage);
        }
    }

    @Test
    void clipByGlobalNormScalesLikePyTorch() {
        Parameter a = param("a", 3f, 0f);
        Parameter b = param("b", 0f);
        try (NDManager step = manager.newSubManager();
                GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            // grads: d/da = [3, 4] (via a*[1, 4/0]..), built as sum(a * [1, 0]) * 3 + 4*a[1]
            NDArray ga = step.create(new float[] {3f, 4f});
            NDArray gb = step.create(new float[] {12f});
            NDArray loss = a.getArray().mul(ga).sum().add(b.getArray().mul(gb).sum());
            gc.backward(loss);
        }
        // global norm = sqrt(9 + 16 + 144) = 13
        double norm = GradClip.clipByGlobalNorm(List.of(a, b), 6.5);
        assertEquals(13.0, norm, 1e-5);
        double coef = 6.5 / (13.0 + 1e-6);
        try (NDManager step = manager.newSubManager()) {
            assertArrayEquals(
                    new float[] {(float) (3 * coef), (float) (4 * coef)},
                    Grads.of(a, step).toFloatArray(),
                    1e-6f);
            assertArrayEquals(
                    new float[] {(float) (12 * coef)}, Grads.of(b, step).toFloatArray(), 1e-6f);
        }
        // below the threshold nothing changes
        assertEquals(6.5, GradClip.clipByGlobalNorm(List.of(a, b), 100), 1e-5);
    }
}
