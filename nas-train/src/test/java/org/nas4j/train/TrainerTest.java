package org.nas4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.NasException;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.io.Json;
import org.nas4j.train.optim.NamedParams;

class TrainerTest {
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

    private Block net(int initSeed, boolean bn, boolean dropout) {
        Engine.getInstance().setRandomSeed(initSeed);
        return TinyData.convNet(manager, bn, dropout);
    }

    private static List<float[]> values(Block b) {
        List<float[]> out = new ArrayList<>();
        for (Parameter p : NamedParams.of(b).list()) {
            out.add(p.getArray().toFloatArray());
        }
        return out;
    }

    @Test
    void learnsATinySyntheticProblemWellAboveChance() {
        Block b = net(1, true, false);
        TrainerSpec spec =
                TrainerSpec.fromConf(Conf.of(TinyData.trainerMap(4, 1, 0.1, 0.9), "test"));
        try (Trainer t = Trainer.builder(b, spec).optSeed(3).build()) {
            FitResult r = t.fit(new TinyData.Stream(256, 16, 11), new TinyData.Stream(128, 32, 12));
            assertEquals(4, r.epochsDone());
            assertEquals(64, r.globalStep());
            EpochMetrics last = r.last();
            assertTrue(last.val().top1() > 0.8, () -> "val top1 " + last.val().top1());
            assertEquals(1.0, last.val().top5(), 1e-9, "4 classes: top-5 always holds");
            assertTrue(last.train().loss() < r.history().get(0).train().loss());
            assertEquals(0.1, r.history().get(0).lr(), 1e-12);
        }
    }

    @Test
    void trainsOnAThreadOtherThanTheOneThatStartedTheEngine() throws Exception {
        // libtorch's grad mode is per thread and on by default; DJL turns it off only on the thread
        // that loads the engine, so on any other thread the optimizer's in-place update of a leaf
        // parameter failed ("a leaf Variable that requires grad is being used in an in-place
        // operation") until fit and test turned it off on their own thread
        Block b = net(1, true, false);
        TrainerSpec spec =
                TrainerSpec.fromConf(Conf.of(TinyData.trainerMap(1, 1, 0.1, 0.9), "test"));
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            FitResult r =
                    pool.submit(
                                    () -> {
                                        try (Trainer t =
                                                Trainer.builder(b, spec).optSeed(3).build()) {
                                            return t.fit(new TinyData.Stream(64, 16, 11), null);
                                        }
                                    })
                            .get();
            assertEquals(4, r.globalStep());
            assertTrue(Double.isFinite(r.last().train().loss()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void resumedRunEndsBitIdenticalToAnUninterruptedOne() {
        TrainerSpec spec =
                TrainerSpec.fromConf(Conf.of(TinyData.trainerMap(2, 1, 0.05, 0.9), "test"));
        TinyData.Stream train = new TinyData.Stream(96, 16, 21);
        Block a = net(5, true, true);
        try (Trainer t = Trainer.builder(a, spec).optSeed(9).build()) {
            t.fit(train, null);
        }
        Path ckpt = tmp.resolve("checkpoint");
        Block b = net(5, true, true);
        TrainListener interrupt =
                new TrainListener() {
                    @Override
                    public void onEpochEnd(Trainer trainer, EpochMetrics m) {
                        throw new IllegalStateException("interrupted after epoch " + m.epoch());
                    }
                };
        try (Trainer t =
                Trainer.builder(b, spec)
                        .optSeed(9)
                        .addListener(new CheckpointListener(ckpt))
                        .addListener(interrupt)
                        .build()) {
            assertThrows(IllegalStateException.class, () -> t.fit(train, null));
        }
        Block c = net(77, true, true);
        try (Trainer t = Trainer.builder(c, spec).optSeed(9).build()) {
            assertEquals(1, t.restore(ckpt));
            assertEquals(6, t.globalStep());
            FitResult r = t.fit(train, null);
            assertEquals(2, r.history().size());
            assertEquals(12, r.globalStep());
        }
        List<float[]> want = values(a);
        List<float[]> got = values(c);
        for (int i = 0; i < want.size(); i++) {
            assertArrayEquals(want.get(i), got.get(i), 0f, "parameter " + i);
        }
    }

    @Test
    void nanLossStopsNamingTheStepAndKeepsTheLastGoodCheckpoint() throws IOException {
        TrainerSpec spec =
                TrainerSpec.fromConf(Conf.of(TinyData.trainerMap(3, 1, 0.05, 0.9), "test"));
        Path ckpt = tmp.resolve("checkpoint");
        Path metrics = tmp.resolve("metrics.json");
        Block b = net(2, false, false);
        try (Trainer t =
                Trainer.builder(b, spec)
                        .addListener(new MetricsJsonListener(metrics))
                        .addListener(new CheckpointListener(ckpt))
                        .build()) {
            NasException e =
                    assertThrows(
                            NasException.class,
                            () -> t.fit(new TinyData.Stream(64, 16, 3, 7, 1), null));
            assertTrue(e.getMessage().contains("NaN at epoch 2 of 3"), e::getMessage);
            assertTrue(e.getMessage().contains("step 1"), e::getMessage);
            assertTrue(e.getMessage().contains("after epoch 1) is kept"), e::getMessage);
        }
        Block fresh = net(3, false, false);
        try (Trainer t = Trainer.builder(fresh, spec).build()) {
            assertEquals(1, t.restore(ckpt));
        }
        for (float[] v : values(fresh)) {
            for (float f : v) {
                assertTrue(Float.isFinite(f));
            }
        }
        JsonObject doc = Json.gson().fromJson(Files.readString(metrics), JsonObject.class);
        assertEquals(1, doc.getAsJsonArray("epochs").size());
    }

    @Test
    void twoBatchChunksMatchOneFullBatch() {
        TrainerSpec one =
                TrainerSpec.fromConf(Conf.of(TinyData.trainerMap(1, 1, 0.1, 0.9), "test"));
        TrainerSpec two =
                TrainerSpec.fromConf(Conf.of(TinyData.trainerMap(1, 2, 0.1, 0.9), "test"));
        TinyData.Stream data = new TinyData.Stream(64, 16, 4);
        Block a = net(6, false, false);
        Block b = net(6, false, false);
        try (Trainer t = Trainer.builder(a, one).build()) {
            t.fit(data, null);
        }
        try (Trainer t = Trainer.builder(b, two).build()) {
            t.fit(data, null);
        }
        List<float[]> want = values(a);
        List<float[]> got = values(b);
        for (int i = 0; i < want.size(); i++) {
            assertArrayEquals(want.get(i), got.get(i), 2e-5f, "parameter " + i);
        }
    }

    @Test
    void listenersWriteMetricsJsonAndLogFile() throws IOException {
        TrainerSpec spec =
                TrainerSpec.fromConf(Conf.of(TinyData.trainerMap(2, 1, 0.05, 0.9), "test"));
        Path metrics = tmp.resolve("metrics.json");
        Path log = tmp.resolve("log.txt");
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        Block b = net(2, true, false);
        try (Trainer t =
                Trainer.builder(b, spec)
                        .addListener(new MetricsJsonListener(metrics))
                        .addListener(new LogFileListener(log, 2))
                        .addListener(
                                new ProgressListener(new java.io.PrintStream(console), 2, false))
                        .build()) {
            t.fit(new TinyData.Stream(64, 16, 3), new TinyData.Stream(32, 16, 4));
        }
        JsonObject doc = Json.gson().fromJson(Files.readString(metrics), JsonObject.class);
        assertEquals(2, doc.getAsJsonArray("epochs").size());
        assertNotNull(doc.getAsJsonObject("best").getAsJsonObject("val"));
        assertEquals(1, doc.getAsJsonObject("last").get("epoch").getAsInt());
        assertEquals(8, doc.get("global_step").getAsInt());
        String text = Files.readString(log);
        assertTrue(text.contains("training starts: 2 epochs"), text);
        assertTrue(text.contains("epoch 1/2 step 2/4 loss"), text);
        assertTrue(text.contains("epoch 2/2 done: train loss"), text);
        assertTrue(text.contains("training ends after 2 epochs"), text);
        assertTrue(console.toString().contains("img/s ETA"), console::toString);
        assertFalse(console.toString().contains("\r"));
    }

    @Test
    void dropPathProbabilityRisesLinearlyPerEpoch() {
        java.util.Map<String, Object> map =
                new java.util.HashMap<>(TinyData.trainerMap(4, 1, 0.05, 0.9));
        map.put("drop_path_prob", 0.2);
        List<Double> seen = new ArrayList<>();
        try (Trainer t =
                Trainer.builder(net(1, false, false), TrainerSpec.fromConf(Conf.of(map, "test")))
                        .optDropPathSetter(seen::add)
                        .build()) {
            t.fit(new TinyData.Stream(16, 16, 3), null);
        }
        assertEquals(4, seen.size());
        assertEquals(0.0, seen.get(0), 1e-12);
        assertEquals(0.15, seen.get(3), 1e-12);
    }

    @Test
    void checkpointOfAnotherModelIsRefusedNamingTheFirstMismatch() {
        TrainerSpec spec =
                TrainerSpec.fromConf(Conf.of(TinyData.trainerMap(1, 1, 0.05, 0.9), "test"));
        Path ckpt = tmp.resolve("checkpoint");
        try (Trainer t =
                Trainer.builder(net(1, true, false), spec)
                        .addListener(new CheckpointListener(ckpt))
                        .build()) {
            t.fit(new TinyData.Stream(16, 16, 3), null);
        }
        Block other = net(1, false, false);
        float[] before = NamedParams.of(other).get(0).getArray().toFloatArray();
        try (Trainer t = Trainer.builder(other, spec).build()) {
            NasException e = assertThrows(NasException.class, () -> t.restore(ckpt));
            assertTrue(e.getMessage().contains("another model"), e::getMessage);
            assertTrue(e.getMessage().contains("BatchNorm"), e::getMessage);
        }
        assertArrayEquals(before, NamedParams.of(other).get(0).getArray().toFloatArray());
    }
}
