package org.nas4j.algos.darts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.ConfException;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.io.Json;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.search.arch.AlphasListener;
import org.nas4j.search.arch.ArchTrainer;
import org.nas4j.train.CheckpointListener;
import org.nas4j.train.EpochMetrics;
import org.nas4j.train.StepInfo;
import org.nas4j.train.TrainListener;
import org.nas4j.train.Trainer;
import org.nas4j.train.TrainerBuilder;
import org.nas4j.train.TrainerSpec;

/** Whole searches with {@link BilevelArchTrainer}: resumption, alphas.jsonl and memory. */
class BilevelSearchRunTest {
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

    private static AlphasListener alphas(Path file, ModelBlock model) {
        return new AlphasListener(
                file, TinySearch.MIXED, AlphasListener.valuesOf(ArchTrainer.archParamsOf(model)));
    }

    @Test
    void warmupEpochsTrainWeightsOnlyThenAlphasMove() {
        ModelDesc desc = TinySearch.desc(TinySearch.MIXED, 2, 1);
        Map<String, Object> map = TinySearch.trainerMap("first", 2);
        map.put(ArchTrainer.WARMUP_KEY, 1);
        TrainerSpec spec = TrainerSpec.fromConf(TinySearch.trainerConf(map));
        ModelBlock m = TinySearch.model(desc, manager, DataType.FLOAT32, 1);
        List<Parameter> arch = ArchTrainer.archParamsOf(m).list();
        List<float[]> start = values(arch);
        List<float[]> afterWarmup = new ArrayList<>();
        try (BilevelArchTrainer t =
                BilevelArchTrainer.of(
                        m,
                        Trainer.builder(m, spec)
                                .optSeed(4)
                                .addListener(
                                        new TrainListener() {
                                            @Override
                                            public void onEpochEnd(
                                                    Trainer tr, EpochMetrics metrics) {
                                                if (metrics.epoch() == 0) {
                                                    afterWarmup.addAll(values(arch));
                                                }
                                            }
                                        }),
                        BilevelArchTrainer.Order.FIRST)) {
            t.fit(new TinySearch.Stream(16, 4, 21), new TinySearch.Stream(8, 4, 22));
        }
        for (int i = 0; i < arch.size(); i++) {
            assertArrayEquals(start.get(i), afterWarmup.get(i), "alphas moved during warm-up");
        }
        List<float[]> end = values(arch);
        boolean moved = false;
        for (int i = 0; i < arch.size(); i++) {
            moved |= !java.util.Arrays.equals(start.get(i), end.get(i));
        }
        assertTrue(moved, "alphas never moved after the warm-up epoch");
    }

    @Test
    void negativeWarmupIsRefusedNamingTheKey() {
        Map<String, Object> map = TinySearch.trainerMap("first", 2);
        map.put(ArchTrainer.WARMUP_KEY, -1);
        ModelDesc desc = TinySearch.desc(TinySearch.MIXED, 2, 1);
        ModelBlock m = TinySearch.model(desc, manager, DataType.FLOAT32, 1);
        ConfException e =
                assertThrows(
                        ConfException.class,
                        () ->
                                BilevelArchTrainer.of(
                                        m,
                                        Trainer.builder(
                                                m,
                                                TrainerSpec.fromConf(TinySearch.trainerConf(map))),
                                        BilevelArchTrainer.Order.FIRST));
        assertTrue(
                e.getMessage().contains("nas.search.trainer.arch_warmup_epochs"), e.getMessage());
    }

    @Test
    void resumedSecondOrderSearchEndsBitIdenticalWithoutDuplicateAlphaLines() throws IOException {
        ModelDesc desc = TinySearch.desc(TinySearch.MIXED, 2, 1);
        TrainerSpec spec =
                TrainerSpec.fromConf(TinySearch.trainerConf(TinySearch.trainerMap("second", 3)));
        // 5 training and 3 validation batches per epoch: the validation walk wraps mid-epoch
        TinySearch.Stream train = new TinySearch.Stream(20, 4, 21);
        TinySearch.Stream val = new TinySearch.Stream(12, 4, 22);

        Path fileA = tmp.resolve("a/alphas.jsonl");
        ModelBlock a = TinySearch.model(desc, manager, DataType.FLOAT32, 1);
        try (BilevelArchTrainer t =
                BilevelArchTrainer.of(
                        a,
                        Trainer.builder(a, spec).optSeed(4).addListener(alphas(fileA, a)),
                        BilevelArchTrainer.Order.SECOND)) {
            t.fit(train, val);
        }

        Path fileB = tmp.resolve("b/alphas.jsonl");
        Path ckpt = tmp.resolve("b/checkpoint");
        ModelBlock b = TinySearch.model(desc, manager, DataType.FLOAT32, 1);
        TrainListener crash =
                new TrainListener() {
                    @Override
                    public void onEpochEnd(Trainer trainer, EpochMetrics m) {
                        if (m.epoch() == 1) {
                            throw new IllegalStateException("killed after writing alphas");
                        }
                    }
                };
        TrainerBuilder bb =
                Trainer.builder(b, spec)
                        .optSeed(4)
                        .addListener(alphas(fileB, b))
                        .addListener(crash)
                        .addListener(new CheckpointListener(ckpt));
        try (BilevelArchTrainer t = BilevelArchTrainer.of(b, bb, BilevelArchTrainer.Order.SECOND)) {
            assertThrows(IllegalStateException.class, () -> t.fit(train, val));
        }
        assertEquals(2, Files.readAllLines(fileB).size());

        ModelBlock c = TinySearch.model(desc, manager, DataType.FLOAT32, 99);
        try (BilevelArchTrainer t =
                BilevelArchTrainer.of(
                        c,
                        Trainer.builder(c, spec).optSeed(4).addListener(alphas(fileB, c)),
                        BilevelArchTrainer.Order.SECOND)) {
            assertEquals(1, t.restore(ckpt));
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
        List<String> lines = Files.readAllLines(fileB);
        assertEquals(Files.readAllLines(fileA), lines);
        assertEquals(3, lines.size());
        for (int e = 0; e < 3; e++) {
            JsonObject o = Json.gson().fromJson(lines.get(e), JsonObject.class);
            assertEquals(e, o.get("epoch").getAsInt());
            assertEquals(TinySearch.MIXED.size(), o.getAsJsonArray("primitives").size());
            JsonObject al = o.getAsJsonObject("alphas");
            assertEquals(c.archParams().asMap().keySet(), al.keySet());
            assertEquals(
                    TinySearch.MIXED.size(), al.getAsJsonArray("cell0.node0.edge0.alphas").size());
        }
    }

    @Test
    void modelManagerHoldsAsManyArraysAfter200FirstOrderStepsAsAfterTheFirst() {
        ModelBlock model =
                TinySearch.model(
                        TinySearch.desc(TinySearch.MIXED, 2, 1), manager, DataType.FLOAT32, 2);
        TrainerSpec spec =
                TrainerSpec.fromConf(TinySearch.trainerConf(TinySearch.trainerMap("first", 1)));
        List<Integer> counts = new ArrayList<>();
        int[] managerArrays = new int[2];
        TrainListener probe =
                new TrainListener() {
                    @Override
                    public void onStep(Trainer t, StepInfo s) {
                        counts.add(t.modelManagerArrays());
                        if (s.step() == 0 || s.step() == 199) {
                            managerArrays[s.step() == 0 ? 0 : 1] =
                                    manager.getManagedArrays().size();
                        }
                    }
                };
        try (BilevelArchTrainer t =
                BilevelArchTrainer.of(
                        model,
                        Trainer.builder(model, spec).addListener(probe),
                        BilevelArchTrainer.Order.FIRST)) {
            t.fit(new TinySearch.Stream(800, 4, 31), new TinySearch.Stream(28, 4, 32));
        }
        assertEquals(200, counts.size());
        assertEquals(counts.get(0), counts.get(199), () -> "arrays per step: " + counts);
        assertEquals(managerArrays[0], managerArrays[1]);
        assertTrue(counts.get(0) > 0);
    }

    @Test
    void secondOrderStepsKeepTheModelManagerFlat() {
        ModelBlock model =
                TinySearch.model(
                        TinySearch.desc(TinySearch.MIXED, 2, 1), manager, DataType.FLOAT32, 3);
        TrainerSpec spec =
                TrainerSpec.fromConf(TinySearch.trainerConf(TinySearch.trainerMap("second", 1)));
        List<Integer> counts = new ArrayList<>();
        TrainListener probe =
                new TrainListener() {
                    @Override
                    public void onStep(Trainer t, StepInfo s) {
                        counts.add(t.modelManagerArrays());
                    }
                };
        try (BilevelArchTrainer t =
                BilevelArchTrainer.of(
                        model,
                        Trainer.builder(model, spec).addListener(probe),
                        BilevelArchTrainer.Order.SECOND)) {
            t.fit(new TinySearch.Stream(80, 4, 33), new TinySearch.Stream(20, 4, 34));
        }
        assertEquals(20, counts.size());
        assertEquals(counts.get(1), counts.get(19), () -> "arrays per step: " + counts);
    }
}
