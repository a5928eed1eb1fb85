package org.nas4j.algos.didarts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.algos.darts.TinySearch;
import org.nas4j.core.conf.Conf;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.search.arch.ArchTrainer;
import org.nas4j.train.EpochMetrics;
import org.nas4j.train.StepContext;
import org.nas4j.train.TrainListener;
import org.nas4j.train.Trainer;
import org.nas4j.train.TrainerBuilder;
import org.nas4j.train.TrainerSpec;
import org.nas4j.train.data.BatchStream;
import org.nas4j.train.data.HostBatch;
import org.nas4j.train.optim.Grads;

class DidartsTrainerTest {
    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private static DidartsTrainer trainer(
            ModelBlock model, int epochs, TrainListener... listeners) {
        TrainerSpec spec = TrainerSpec.fromConf(Conf.of(TinySupernet.trainerMap(epochs), "test"));
        TrainerBuilder b = Trainer.builder(model, spec).optSeed(1).optValidate(false);
        for (TrainListener l : listeners) {
            b.addListener(l);
        }
        return new DidartsTrainer(b, ArchTrainer.archParamsOf(model));
    }

    private static double[] flat(List<Parameter> ps) {
        List<Double> out = new ArrayList<>();
        for (Parameter p : ps) {
            for (double d : p.getArray().toType(DataType.FLOAT64, false).toDoubleArray()) {
                out.add(d);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double loss(Trainer t, NDManager m, NDArray x, NDArray y) {
        try (NDManager pass = m.newSubManager()) {
            return t.loss(t.forward(pass, x, true), y).toType(DataType.FLOAT64, false).getDouble();
        }
    }

    /** The training-loss gradient of the alphas at the current parameters, flattened. */
    private static double[] alphaGradient(Trainer t, List<Parameter> alphas, NDManager m, Batch d) {
        Grads.zero(alphas, m);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(t.loss(t.forward(m, d.x, true), d.y));
        }
        List<Double> g = new ArrayList<>();
        for (Parameter p : alphas) {
            for (double v : Grads.of(p, m).toType(DataType.FLOAT64, false).toDoubleArray()) {
                g.add(v);
            }
        }
        return g.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A fixed training batch on the device. */
    private record Batch(HostBatch host, NDArray x, NDArray y) {
        static Batch of(NDManager m, DataType type) {
            HostBatch b = new TinySearch.Stream(16, 8, 3).epoch(0).next();
            NDArray x = m.create(b.images(), new Shape(b.n(), 1, 8, 8)).toType(type, false);
            return new Batch(b, x, m.create(b.labels()));
        }
    }

    @Test
    void alphaGradientIsTheTrainingLossGradient() {
        // float64 and smooth primitives, so central differences are accurate to ~1e-9
        ModelBlock model =
                TinySearch.model(
                        TinySearch.desc(TinySearch.SMOOTH, 1, 0), manager, DataType.FLOAT64, 5);
        try (DidartsTrainer t = trainer(model, 1);
                NDManager m = manager.newSubManager()) {
            Batch d = Batch.of(m, DataType.FLOAT64);
            double[] g = alphaGradient(t, t.archParamList(), m, d);
            double h = 1e-6;
            int k = 0;
            for (Parameter p : t.archParamList()) {
                NDArray a = p.getArray();
                for (int i = 0; i < a.size(); i++, k++) {
                    double v = a.getDouble(i);
                    a.set(new NDIndex(i), v + h);
                    double up = loss(t, m, d.x, d.y);
                    a.set(new NDIndex(i), v - h);
                    double down = loss(t, m, d.x, d.y);
                    a.set(new NDIndex(i), v);
                    double fd = (up - down) / (2 * h);
                    assertEquals(fd, g[k], 1e-7 + 1e-5 * Math.abs(fd), "alpha " + k);
                }
            }
        }
    }

    @Test
    void oneStepMovesAlphasBySgdOfTheTrainingLossGradient() {
        ModelBlock model =
                TinySearch.model(
                        TinySearch.desc(TinySearch.MIXED, 1, 0), manager, DataType.FLOAT32, 5);
        try (DidartsTrainer t = trainer(model, 1);
                NDManager m = manager.newSubManager()) {
            Batch d = Batch.of(m, DataType.FLOAT32);
            List<Parameter> alphas = t.archParamList();
            double[] a0 = flat(alphas);
            double[] g = alphaGradient(t, alphas, m, d);
            StepContext c = new StepContext(0, 1, 4, 1, 0.02, d.host, m, d.x, d.y);
            double lr = t.alphaLr(c);
            assertEquals(t.schedule().lr(0, 1, 4) * 0.025 / 0.025, lr, 1e-15);
            t.trainStep(c);
            double[] a1 = flat(alphas);
            // SGD's first step: the momentum buffer is the gradient plus weight decay
            double moved = 0;
            for (int i = 0; i < a0.length; i++) {
                double expected = a0[i] - lr * (g[i] + 3e-4 * a0[i]);
                assertEquals(expected, a1[i], 1e-7, "alpha " + i);
                moved = Math.max(moved, Math.abs(a1[i] - a0[i]));
            }
            assertTrue(moved > 1e-5, "the alphas moved by " + moved);
        }
    }

    /** A stream that counts how often it is read. */
    private static final class Counting implements BatchStream {
        private final BatchStream inner;
        final AtomicInteger epochs = new AtomicInteger();

        Counting(BatchStream inner) {
            this.inner = inner;
        }

        @Override
        public Iterator<HostBatch> epoch(int epoch) {
            epochs.incrementAndGet();
            return inner.epoch(epoch);
        }

        @Override
        public int batchesPerEpoch() {
            return inner.batchesPerEpoch();
        }

        @Override
        public int size() {
            return inner.size();
        }
    }

    @Test
    void searchDrawsNoValidationBatchAndResumesExactly(@TempDir Path dir) {
        BatchStream train = new TinySearch.Stream(32, 8, 3);
        Counting val = new Counting(new TinySearch.Stream(16, 8, 4));
        double[] straight;
        TrainListener saveAfterFirstEpoch =
                new TrainListener() {
                    @Override
                    public void onEpochEnd(Trainer trainer, EpochMetrics metrics) {
                        if (metrics.epoch() == 0) {
                            trainer.saveCheckpoint(dir);
                        }
                    }
                };
        try (DidartsTrainer t = trainer(model(7), 2, saveAfterFirstEpoch)) {
            double[] before = flat(t.archParamList());
            t.fit(train, val);
            straight = flat(t.archParamList());
            assertTrue(Math.abs(straight[0] - before[0]) > 1e-6, "the alphas moved");
        }
        assertEquals(0, val.epochs.get(), "didarts read the validation stream");
        // a fresh network restores the first epoch's checkpoint and trains the second
        try (DidartsTrainer resumed = trainer(model(8), 2)) {
            int start = resumed.restore(dir);
            assertEquals(1, start);
            resumed.fit(train, null, start);
            assertArrayEquals(straight, flat(resumed.archParamList()), 0.0);
        }
    }

    private ModelBlock model(int seed) {
        return TinySearch.model(
                TinySearch.desc(TinySearch.MIXED, 2, 1), manager, DataType.FLOAT32, seed);
    }
}
