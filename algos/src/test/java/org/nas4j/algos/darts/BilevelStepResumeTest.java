package org.nas4j.algos.darts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.train.CheckpointListener;
import org.nas4j.train.StepInfo;
import org.nas4j.train.TrainListener;
import org.nas4j.train.Trainer;
import org.nas4j.train.TrainerSpec;

/**
 * A bilevel search stopped in the middle of an epoch and resumed from its step checkpoint ends with
 * the same weights and architecture weights as an uninterrupted one: the training batches continue
 * at the checkpoint's batch and the validation walk at its global step.
 */
class BilevelStepResumeTest {
    @TempDir Path tmp;
    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private static List<float[]> values(List<Parameter> ps) {
        List<float[]> out = new ArrayList<>();
        for (Parameter p : ps) {
            out.add(p.getArray().toFloatArray());
        }
        return out;
    }

    @ParameterizedTest(name = "{0} order, checkpoint every {1}, killed after step {2}")
    @CsvSource({"first, 3, 7", "second, 2, 3"})
    void aSearchResumedMidEpochEndsBitIdentical(String order, int every, long killAt) {
        ModelDesc desc = TinySearch.desc(TinySearch.MIXED, 2, 1);
        TrainerSpec spec =
                TrainerSpec.fromConf(TinySearch.trainerConf(TinySearch.trainerMap(order, 2)));
        BilevelArchTrainer.Order o = BilevelArchTrainer.Order.valueOf(order.toUpperCase());
        // 5 training and 3 validation batches per epoch: the validation walk wraps mid-epoch
        TinySearch.Stream train = new TinySearch.Stream(20, 4, 21);
        TinySearch.Stream val = new TinySearch.Stream(12, 4, 22);

        ModelBlock a = TinySearch.model(desc, manager, DataType.FLOAT32, 1);
        try (BilevelArchTrainer t =
                BilevelArchTrainer.of(a, Trainer.builder(a, spec).optSeed(4), o)) {
            t.fit(train, val);
        }

        Path ckpt = tmp.resolve("checkpoint");
        ModelBlock b = TinySearch.model(desc, manager, DataType.FLOAT32, 1);
        TrainListener kill =
                new TrainListener() {
                    @Override
                    public void onStep(Trainer trainer, StepInfo s) {
                        if (s.globalStep() == killAt) {
                            throw new IllegalStateException("killed");
                        }
                    }
                };
        try (BilevelArchTrainer t =
                BilevelArchTrainer.of(
                        b,
                        Trainer.builder(b, spec)
                                .optSeed(4)
                                .addListener(new CheckpointListener(ckpt, every))
                                .addListener(kill),
                        o)) {
            assertThrows(IllegalStateException.class, () -> t.fit(train, val));
        }

        ModelBlock c = TinySearch.model(desc, manager, DataType.FLOAT32, 99);
        try (BilevelArchTrainer t =
                BilevelArchTrainer.of(c, Trainer.builder(c, spec).optSeed(4), o)) {
            long saved = killAt / every * every;
            assertEquals((int) (saved / 5), t.restore(ckpt));
            assertEquals(saved % 5, t.position().batch());
            t.fit(train, val);
        }
        List<float[]> wantW = values(a.weights());
        List<float[]> gotW = values(c.weights());
        for (int i = 0; i < wantW.size(); i++) {
            assertArrayEquals(wantW.get(i), gotW.get(i), 0f, "weight " + i);
        }
        List<float[]> wantA = values(a.archParams().list());
        List<float[]> gotA = values(c.archParams().list());
        for (int i = 0; i < wantA.size(); i++) {
            assertArrayEquals(wantA.get(i), gotA.get(i), 0f, "alphas " + i);
        }
    }
}
