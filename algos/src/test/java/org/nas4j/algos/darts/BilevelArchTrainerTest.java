package org.nas4j.algos.darts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.search.arch.FrozenGrads;
import org.nas4j.train.StepContext;
import org.nas4j.train.Trainer;
import org.nas4j.train.TrainerSpec;
import org.nas4j.train.data.HostBatch;
import org.nas4j.train.optim.Grads;
import org.nas4j.train.optim.NamedParams;
import org.nas4j.train.optim.Sgd;

class BilevelArchTrainerTest {
    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private static BilevelArchTrainer trainer(ModelBlock model, String order) {
        Conf conf = TinySearch.trainerConf(TinySearch.trainerMap(order, 1));
        return BilevelArchTrainer.of(
                model,
                Trainer.builder(model, TrainerSpec.fromConf(conf)).optSeed(1),
                BilevelArchTrainer.orderOf(conf));
    }

    private static List<float[]> values(List<Parameter> ps) {
        List<float[]> out = new ArrayList<>();
        for (Parameter p : ps) {
            out.add(p.getArray().toType(DataType.FLOAT32, false).toFloatArray());
        }
        return out;
    }

    private static void assertSameValues(List<float[]> a, List<float[]> b, String what) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), 0f, what + " " + i);
        }
    }

    private static StepContext ctx(NDManager m, HostBatch b, double lr, DataType type) {
        NDArray x = m.create(b.images(), new Shape(b.n(), b.c(), b.h(), b.w())).toType(type, false);
        return new StepContext(0, 0, 1, 0, lr, b, m, x, m.create(b.labels()));
    }

    /** Runs one architecture step of {@code t} on a fixed train and validation batch. */
    private static void archStep(BilevelArchTrainer t, NDManager root) {
        Iterator<HostBatch> train = new TinySearch.Stream(16, 8, 3).epoch(0);
        HostBatch vb = new TinySearch.Stream(16, 8, 4).epoch(0).next();
        try (NDManager m = root.newSubManager()) {
            StepContext c = ctx(m, train.next(), 0.025, DataType.FLOAT32);
            NDArray vx = m.create(vb.images(), new Shape(vb.n(), 1, 8, 8));
            Grads.zero(t.archParamList(), m);
            t.archStep(c, vx, m.create(vb.labels()));
            t.archOptimizer().step(t.archParamList(), t.archLr());
        }
    }

    @Test
    void firstOrderStepMovesAlphasAndLeavesWeightsAlone() {
        ModelBlock model =
                TinySearch.model(
                        TinySearch.desc(TinySearch.MIXED, 2, 1), manager, DataType.FLOAT32, 1);
        try (BilevelArchTrainer t = trainer(model, "first")) {
            assertEquals(BilevelArchTrainer.Order.FIRST, t.order());
            List<float[]> weights = values(t.weights().list());
            List<float[]> alphas = values(t.archParamList());
            archStep(t, manager);
            // BatchNorm running statistics move as in DARTS (the validation pass is in training
            // mode); the trained weights must not
            assertSameValues(weights, values(t.weights().list()), "weight");
            List<float[]> after = values(t.archParamList());
            for (int i = 0; i < alphas.size(); i++) {
                float[] a = alphas.get(i);
                float[] b = after.get(i);
                double moved = 0;
                for (int j = 0; j < a.length; j++) {
                    moved = Math.max(moved, Math.abs(a[j] - b[j]));
                }
                // Adam's first step moves every weight by about lr = 3e-4
                assertTrue(moved > 1e-4 && moved < 1e-3, "alpha " + i + " moved " + moved);
            }
        }
    }

    @Test
    void secondOrderStepRestoresWeightsAndRunningStatisticsExactly() {
        ModelBlock model =
                TinySearch.model(
                        TinySearch.desc(TinySearch.MIXED, 2, 1), manager, DataType.FLOAT32, 2);
        try (BilevelArchTrainer t = trainer(model, "second")) {
            List<float[]> params = values(t.modelParams().list());
            List<float[]> alphas = values(t.archParamList());
            archStep(t, manager);
            assertSameValues(params, values(t.modelParams().list()), "parameter");
            assertFalse(java.util.Arrays.equals(alphas.get(0), values(t.archParamList()).get(0)));
        }
    }

    @Test
    void weightOptimizerNeverTouchesArchitectureWeights() {
        ModelBlock model =
                TinySearch.model(
                        TinySearch.desc(TinySearch.MIXED, 2, 1), manager, DataType.FLOAT32, 3);
        Map<String, Object> conf = new java.util.LinkedHashMap<>(TinySearch.trainerMap("first", 1));
        // with a zero architecture learning rate only the weight optimizer could move the alphas
        conf.put(
                "alpha_optimizer", Map.of("type", "adam", "lr", 0.0, "betas", List.of(0.5, 0.999)));
        TrainerSpec spec = TrainerSpec.fromConf(TinySearch.trainerConf(conf));
        try (BilevelArchTrainer t =
                BilevelArchTrainer.of(
                        model, Trainer.builder(model, spec), BilevelArchTrainer.Order.FIRST)) {
            List<float[]> alphas = values(t.archParamList());
            List<float[]> weights = values(t.weights().list());
            t.fit(new TinySearch.Stream(32, 8, 5), new TinySearch.Stream(16, 8, 6));
            assertSameValues(alphas, values(t.archParamList()), "alpha");
            assertFalse(java.util.Arrays.equals(weights.get(0), values(t.weights().list()).get(0)));
            NamedParams arch = NamedParams.of(model.archParams().asMap());
            assertTrue(t.optimizer().state(arch).entries().isEmpty());
            assertEquals(arch.size(), t.archOptimizer().state(arch).entries().size());
        }
    }

    @Test
    void frozenWeightsGiveTheSameAlphaGradientsAndKeepTheirOwn() {
        ModelBlock model =
                TinySearch.model(
                        TinySearch.desc(TinySearch.MIXED, 1, 0), manager, DataType.FLOAT32, 4);
        try (BilevelArchTrainer t = trainer(model, "first");
                NDManager m = manager.newSubManager()) {
            HostBatch b = new TinySearch.Stream(8, 8, 7).epoch(0).next();
            StepContext c = ctx(m, b, 0.025, DataType.FLOAT32);
            List<Parameter> ws = t.weights().list();
            Grads.zero(ws, m);
            Grads.zero(t.archParamList(), m);
            pass(t, m, c.images(), c.labels());
            List<float[]> full = grads(t.archParamList(), m);
            List<float[]> weightGrads = grads(ws, m);
            Grads.zero(t.archParamList(), m);
            try (FrozenGrads f = FrozenGrads.of(ws)) {
                assertEquals(ws.size(), f.size());
                pass(t, m, c.images(), c.labels());
            }
            List<float[]> frozen = grads(t.archParamList(), m);
            for (int i = 0; i < full.size(); i++) {
                assertArrayEquals(full.get(i), frozen.get(i), 1e-7f, "alpha grad " + i);
            }
            assertSameValues(weightGrads, grads(ws, m), "stored weight gradient");
        }
    }

    @Test
    void finiteDifferenceHessianVectorProductMatchesTheMixedSecondDerivative() {
        // float64 and smooth primitives, so central differences are accurate to ~1e-9
        ModelBlock model =
                TinySearch.model(
                        TinySearch.desc(TinySearch.SMOOTH, 1, 0), manager, DataType.FLOAT64, 5);
        try (BilevelArchTrainer t = trainer(model, "second");
                NDManager m = manager.newSubManager()) {
            HostBatch b = new TinySearch.Stream(8, 8, 8).epoch(0).next();
            StepContext c = ctx(m, b, 0.025, DataType.FLOAT64);
            List<Parameter> ws = t.weights().list();
            Engine.getInstance().setRandomSeed(9);
            List<NDArray> v = new ArrayList<>();
            double sq = 0;
            for (Parameter p : ws) {
                NDArray d = m.randomNormal(0, 1, p.getArray().getShape(), DataType.FLOAT64);
                sq += d.square().sum().getDouble();
                v.add(d);
            }
            double norm = Math.sqrt(sq);
            List<float[]> before = values(t.modelParams().list());
            List<NDArray> hvp = t.hessianVectorProduct(c.images(), c.labels(), v, 1e-5 / norm, m);
            assertSameValues(before, values(t.modelParams().list()), "parameter");

            double h = 1e-5;
            double maxRef = 0;
            double maxErr = 0;
            for (int k = 0; k < hvp.size(); k++) {
                NDArray alpha = t.archParamList().get(k).getArray();
                double[] a0 = alpha.toDoubleArray();
                double[] fd = hvp.get(k).toDoubleArray();
                for (int i = 0; i < a0.length; i++) {
                    double up = gradDotV(t, m, c, v, alpha, a0, i, h);
                    double down = gradDotV(t, m, c, v, alpha, a0, i, -h);
                    double ref = (up - down) / (2 * h);
                    maxRef = Math.max(maxRef, Math.abs(ref));
                    maxErr = Math.max(maxErr, Math.abs(ref - fd[i]));
                }
                alpha.set(DoubleBuffer.wrap(a0));
            }
            assertTrue(maxRef > 1e-3, "the product should not vanish: " + maxRef);
            double err = maxErr / maxRef;
            assertTrue(err < 1e-5, "relative error " + err + " (max |Hv| " + maxRef + ")");
        }
    }

    @Test
    void unrolledGradientMatchesTheDerivativeOfTheValidationLossAfterTheVirtualStep() {
        ModelBlock model =
                TinySearch.model(
                        TinySearch.desc(TinySearch.SMOOTH, 1, 0), manager, DataType.FLOAT64, 6);
        try (BilevelArchTrainer t = trainer(model, "second");
                NDManager m = manager.newSubManager()) {
            HostBatch b = new TinySearch.Stream(8, 8, 10).epoch(0).next();
            HostBatch vb = new TinySearch.Stream(8, 8, 11).epoch(0).next();
            double lr = 0.1;
            StepContext c = ctx(m, b, lr, DataType.FLOAT64);
            NDArray vx =
                    m.create(vb.images(), new Shape(8, 1, 8, 8)).toType(DataType.FLOAT64, false);
            NDArray vy = m.create(vb.labels());
            List<Parameter> ws = t.weights().list();
            // one weight step first, so the virtual step has momentum buffers to use
            Grads.zero(ws, m);
            try (FrozenGrads f = FrozenGrads.of(t.archParamList())) {
                pass(t, m, c.images(), c.labels());
            }
            t.optimizer().step(ws, lr);
            List<double[]> paper = unrolledGradient(t, c, vx, vy, m);
            t.setEpsScale(1e-4);
            List<double[]> fine = unrolledGradient(t, c, vx, vy, m);
            double maxRef = 0;
            double errFine = 0;
            double errPaper = 0;
            double h = 1e-6;
            for (int k = 0; k < paper.size(); k++) {
                NDArray alpha = t.archParamList().get(k).getArray();
                double[] a0 = alpha.toDoubleArray();
                for (int i = 0; i < a0.length; i++) {
                    double up = lossAfterVirtualStep(t, m, c, vx, vy, alpha, a0, i, h);
                    double down = lossAfterVirtualStep(t, m, c, vx, vy, alpha, a0, i, -h);
                    double ref = (up - down) / (2 * h);
                    maxRef = Math.max(maxRef, Math.abs(ref));
                    errFine = Math.max(errFine, Math.abs(ref - fine.get(k)[i]));
                    errPaper = Math.max(errPaper, Math.abs(ref - paper.get(k)[i]));
                }
                alpha.set(DoubleBuffer.wrap(a0));
            }
            assertTrue(maxRef > 1e-3, "the gradient should not vanish: " + maxRef);
            // measured: 3.5e-8 with a small step, 9.5e-4 with the paper's 0.01/||dw'||
            assertTrue(errFine / maxRef < 1e-6, "relative error " + errFine / maxRef);
            assertTrue(errPaper / maxRef < 1e-2, "relative error " + errPaper / maxRef);
        }
    }

    private static List<double[]> unrolledGradient(
            BilevelArchTrainer t, StepContext c, NDArray vx, NDArray vy, NDManager m) {
        Grads.zero(t.archParamList(), m);
        t.archStep(c, vx, vy);
        List<double[]> out = new ArrayList<>();
        for (Parameter ap : t.archParamList()) {
            out.add(Grads.of(ap, m).toDoubleArray());
        }
        return out;
    }

    /** DARTS' unrolled objective {@code L_val(w - lr * (m * buf + dL_train/dw + wd * w), a)}. */
    private static double lossAfterVirtualStep(
            BilevelArchTrainer t,
            NDManager root,
            StepContext c,
            NDArray vx,
            NDArray vy,
            NDArray alpha,
            double[] a0,
            int i,
            double delta) {
        double[] a = a0.clone();
        a[i] += delta;
        alpha.set(DoubleBuffer.wrap(a));
        List<Parameter> ws = t.weights().list();
        Sgd sgd = (Sgd) t.optimizer();
        try (NDManager m = root.newSubManager()) {
            WeightCopy orig = new WeightCopy(ws, m);
            try (FrozenGrads f = FrozenGrads.of(t.archParamList())) {
                Grads.zero(ws, m);
                pass(t, m, c.images(), c.labels());
            }
            for (Parameter p : ws) {
                NDArray w = p.getArray();
                NDArray d = Grads.of(p, m).add(w.mul(sgd.weightDecay()));
                NDArray buf = sgd.momentumBuffer(p, m);
                if (buf != null) {
                    d = d.add(buf.mul(sgd.momentum()));
                }
                d.attach(m);
                w.subi(d.mul(c.lr()));
            }
            double loss;
            try (NDManager pm = m.newSubManager()) {
                NDArray x = vx.duplicate();
                x.attach(pm);
                loss = t.loss(t.forward(pm, x, true), vy).getDouble();
            }
            orig.restore();
            return loss;
        }
    }

    /** {@code dL_train/dw . v} with alpha {@code i} of {@code alpha} moved by {@code delta}. */
    private static double gradDotV(
            BilevelArchTrainer t,
            NDManager root,
            StepContext c,
            List<NDArray> v,
            NDArray alpha,
            double[] a0,
            int i,
            double delta) {
        double[] a = a0.clone();
        a[i] += delta;
        alpha.set(DoubleBuffer.wrap(a));
        List<Parameter> ws = t.weights().list();
        try (NDManager m = root.newSubManager();
                FrozenGrads f = FrozenGrads.of(t.archParamList())) {
            Grads.zero(ws, m);
            pass(t, m, c.images(), c.labels());
            double dot = 0;
            for (int p = 0; p < ws.size(); p++) {
                dot += Grads.of(ws.get(p), m).mul(v.get(p)).sum().getDouble();
            }
            return dot;
        }
    }

    private static void pass(Trainer t, NDManager m, NDArray x, NDArray y) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(t.loss(t.forward(m, x, true), y));
        }
    }

    private static List<float[]> grads(List<Parameter> ps, NDManager m) {
        List<float[]> out = new ArrayList<>();
        for (Parameter p : ps) {
            out.add(Grads.of(p, m).toType(DataType.FLOAT32, false).toFloatArray());
        }
        return out;
    }

    @Test
    void unknownOrderIsRefusedNamingTheKey() {
        ConfException e =
                assertThrows(
                        ConfException.class,
                        () ->
                                BilevelArchTrainer.orderOf(
                                        TinySearch.trainerConf(
                                                Map.of("bilevel", Map.of("order", "third")))));
        assertTrue(e.getMessage().contains("nas.search.trainer.bilevel.order"), e.getMessage());
        assertEquals(
                BilevelArchTrainer.Order.FIRST,
                BilevelArchTrainer.orderOf(TinySearch.trainerConf(Map.of())));
    }
}
