package org.nas4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nas4j.core.ConfException;
import org.nas4j.core.NasException;
import org.nas4j.core.PhaseDir;
import org.nas4j.core.conf.Conf;
import org.nas4j.train.optim.NamedParams;
import org.nas4j.train.optim.TensorIo;

/**
 * Checkpoints every N steps: a run stopped right after any step (as by {@code kill -9}) and resumed
 * from its last step checkpoint ends with the same weights and metrics, bit for bit, as a run that
 * was never stopped, dropout included.
 */
class StepCheckpointTest {
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

    private Block net() {
        Engine.getInstance().setRandomSeed(5);
        return TinyData.convNet(manager, true, true); // BatchNorm statistics and dropout noise
    }

    private static TrainerSpec spec() {
        return TrainerSpec.fromConf(Conf.of(TinyData.trainerMap(2, 1, 0.05, 0.9), "test"));
    }

    /** 6 steps an epoch, 2 epochs. */
    private static TinyData.Stream train() {
        return new TinyData.Stream(96, 16, 21);
    }

    private static TinyData.Stream val() {
        return new TinyData.Stream(32, 16, 22);
    }

    /** Throws after global step {@code n}, after the listeners before it have run. */
    private static TrainListener killAfterStep(long n) {
        return new TrainListener() {
            @Override
            public void onStep(Trainer trainer, StepInfo info) {
                if (info.globalStep() == n) {
                    throw new IllegalStateException("killed after step " + n);
                }
            }
        };
    }

    @ParameterizedTest(name = "checkpoint every {0}, killed after step {1}")
    @CsvSource({"4, 5, 0, 4", "4, 9, 1, 2", "1, 1, 0, 1", "5, 6, 0, 5"})
    void aRunResumedFromAStepCheckpointEndsBitIdentical(
            int every, long killAt, int resumeEpoch, int resumeBatch) {
        Block whole = net();
        FitResult want;
        try (Trainer t = Trainer.builder(whole, spec()).optSeed(9).build()) {
            want = t.fit(train(), val());
        }
        Path ckpt = tmp.resolve("checkpoint");
        try (Trainer t =
                Trainer.builder(net(), spec())
                        .optSeed(9)
                        .addListener(new CheckpointListener(ckpt, every))
                        .addListener(killAfterStep(killAt))
                        .build()) {
            assertThrows(IllegalStateException.class, () -> t.fit(train(), val()));
        }
        Block resumed = net();
        FitResult got;
        try (Trainer t = Trainer.builder(resumed, spec()).optSeed(9).build()) {
            assertEquals(resumeEpoch, t.restore(ckpt));
            assertNotNull(t.position(), "a step checkpoint says where in the epoch it stopped");
            assertEquals(resumeBatch, t.position().batch());
            assertEquals(resumeEpoch * 6L + resumeBatch, t.globalStep());
            got = t.fit(train(), val());
        }
        assertEquals(want, withoutTimes(got, want), "metrics of every epoch");
        List<Parameter> a = NamedParams.of(whole).list();
        List<Parameter> b = NamedParams.of(resumed).list();
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(
                    a.get(i).getArray().toFloatArray(),
                    b.get(i).getArray().toFloatArray(),
                    0f,
                    a.get(i).getName());
        }
    }

    /** {@code got} with the wall-clock figures of {@code want} (they cannot match). */
    private static FitResult withoutTimes(FitResult got, FitResult want) {
        List<EpochMetrics> h =
                java.util.stream.IntStream.range(0, got.history().size())
                        .mapToObj(
                                i -> {
                                    EpochMetrics g = got.history().get(i);
                                    EpochMetrics w = want.history().get(i);
                                    return new EpochMetrics(
                                            g.epoch(),
                                            g.steps(),
                                            g.lr(),
                                            w.imagesPerSec(),
                                            w.epochSeconds(),
                                            g.gradNorm(),
                                            g.train(),
                                            g.val(),
                                            g.test());
                                })
                        .toList();
        return new FitResult(h, got.epochsDone(), got.globalStep());
    }

    @Test
    void theLastStepOfAnEpochLeavesTheCheckpointToTheEpochEnd() {
        Path ckpt = tmp.resolve("checkpoint");
        try (Trainer t =
                Trainer.builder(net(), spec())
                        .optSeed(9)
                        .addListener(new CheckpointListener(ckpt, 3))
                        .addListener(killAfterStep(6))
                        .build()) {
            assertThrows(IllegalStateException.class, () -> t.fit(train(), null));
        }
        Checkpoint.Progress p = Checkpoint.readProgress(ckpt);
        assertEquals(3, p.globalStep(), "step 6 ends epoch 1: its checkpoint comes after val");
        assertEquals(3, p.position().batch());
    }

    @Test
    void aResumeOnDataWithAnotherNumberOfBatchesIsRefused() {
        Path ckpt = tmp.resolve("checkpoint");
        try (Trainer t =
                Trainer.builder(net(), spec())
                        .optSeed(9)
                        .addListener(new CheckpointListener(ckpt, 2))
                        .addListener(killAfterStep(3))
                        .build()) {
            assertThrows(IllegalStateException.class, () -> t.fit(train(), null));
        }
        try (Trainer t = Trainer.builder(net(), spec()).optSeed(9).build()) {
            t.restore(ckpt);
            NasException e =
                    assertThrows(
                            NasException.class,
                            () -> t.fit(new TinyData.Stream(128, 16, 21), null));
            assertTrue(e.getMessage().contains("batch 2 of epoch 1"), e.getMessage());
            assertTrue(e.getMessage().contains("--no-resume"), e.getMessage());
        }
    }

    @Test
    void checkpointsRecordTheConfHash() {
        Path ckpt = tmp.resolve("checkpoint");
        try (Trainer t =
                Trainer.builder(net(), spec())
                        .optSeed(9)
                        .optConfHash("abc123")
                        .addListener(new CheckpointListener(ckpt, 0))
                        .build()) {
            t.fit(new TinyData.Stream(32, 16, 21), null);
        }
        Checkpoint.Progress p = Checkpoint.readProgress(ckpt);
        assertEquals("abc123", p.confHash());
        assertNull(p.position(), "an epoch-end checkpoint has no position in an epoch");
        assertEquals(4, p.globalStep());
    }

    @Test
    void aVersion1CheckpointHeaderReadsWithoutPositionOrHash() throws IOException {
        Path dir = tmp.resolve("v1");
        Files.createDirectories(dir);
        try (DataOutputStream out =
                new DataOutputStream(
                        Files.newOutputStream(dir.resolve(PhaseDir.CHECKPOINT_FILE)))) {
            TensorIo.writeString(out, "nas4j.checkpoint");
            out.writeInt(1);
            TensorIo.writeString(
                    out, "{\"epochsDone\": 2, \"globalStep\": 12, \"seed\": 9, \"history\": []}");
        }
        Checkpoint.Progress p = Checkpoint.readProgress(dir);
        assertEquals(new Checkpoint.Progress(2, 12, 9, List.of()), p);
    }

    @Test
    void aNegativeStepIntervalIsAConfError() {
        Map<String, Object> m = new HashMap<>(TinyData.trainerMap(1, 1, 0.1, 0.9));
        m.put(CheckpointListener.EVERY_STEPS_KEY, -1);
        ConfException e =
                assertThrows(ConfException.class, () -> TrainerSpec.fromConf(Conf.of(m, "t.yaml")));
        assertTrue(e.getMessage().contains("checkpoint_every_steps"), e.getMessage());
    }
}
