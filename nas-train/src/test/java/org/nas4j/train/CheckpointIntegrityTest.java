package org.nas4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.NasException;
import org.nas4j.core.PhaseDir;
import org.nas4j.core.conf.Conf;
import org.nas4j.train.optim.NamedParams;
import org.nas4j.train.optim.NasOptimizer;
import org.nas4j.train.optim.OptimizerSpec;

/** A checkpoint changed or cut short on disk is refused as damaged, never restored. */
class CheckpointIntegrityTest {
    @TempDir Path tmp;
    private NDManager manager;
    private NasOptimizer opt;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        opt =
                OptimizerSpec.fromConf(
                                Conf.of(Map.of("type", "sgd", "lr", 0.1, "momentum", 0.9), "o"))
                        .create();
    }

    @AfterEach
    void tearDown() {
        opt.close();
        manager.close();
    }

    private Block net(int seed) {
        Engine.getInstance().setRandomSeed(seed);
        return TinyData.convNet(manager, true, false);
    }

    private Path saved(Block b) {
        Path dir = tmp.resolve("checkpoint");
        Checkpoint.save(
                dir,
                new Checkpoint.Progress(2, 8, 2, List.of()),
                NamedParams.of(b),
                NamedParams.empty(),
                opt,
                null);
        return dir.resolve(PhaseDir.CHECKPOINT_FILE);
    }

    private static float[] first(Block b) {
        return NamedParams.of(b).get(0).getArray().toFloatArray();
    }

    private NasException loadFails(Path file, Block into) {
        return assertThrows(
                NasException.class,
                () ->
                        Checkpoint.load(
                                file.getParent(),
                                NamedParams.of(into),
                                NamedParams.empty(),
                                opt,
                                null));
    }

    @Test
    void anIntactCheckpointRestoresItsValues() {
        Block a = net(1);
        Path file = saved(a);
        Block b = net(2);
        Checkpoint.Progress p =
                Checkpoint.load(
                        file.getParent(), NamedParams.of(b), NamedParams.empty(), opt, null);
        assertEquals(2, p.epochsDone());
        assertArrayEquals(first(a), first(b));
    }

    @Test
    void aFlippedByteAnywhereIsRefusedAsDamagedAndNothingIsRestored() throws IOException {
        Block a = net(1);
        Path file = saved(a);
        byte[] good = Files.readAllBytes(file);
        Block b = net(2);
        float[] before = first(b);
        // header, progress record, tensors, optimizer state and the checksum itself
        for (int at : new int[] {25, 40, good.length / 2, good.length - 20, good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x10;
            Files.write(file, bad);
            NasException e = loadFails(file, b);
            assertTrue(e.getMessage().contains("is damaged"), at + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("--no-resume"), e.getMessage());
            assertArrayEquals(before, first(b), "byte " + at + ": parameters changed");
        }
    }

    @Test
    void aFileCutShortAnywhereIsRefusedAsDamagedNamingItsSize() throws IOException {
        Path file = saved(net(1));
        byte[] good = Files.readAllBytes(file);
        Block b = net(2);
        for (int len :
                new int[] {0, 3, 10, 22, 30, good.length / 3, good.length - 8, good.length - 1}) {
            Files.write(file, Arrays.copyOf(good, len));
            NasException e = loadFails(file, b);
            assertTrue(
                    e.getMessage().contains("is damaged") || e.getMessage().contains("not a nas4j"),
                    len + ": " + e.getMessage());
            assertTrue(!e.getMessage().contains("null"), len + ": " + e.getMessage());
        }
        Files.write(file, Arrays.copyOf(good, good.length / 3));
        assertTrue(loadFails(file, b).getMessage().contains(good.length / 3 + " bytes"));
    }

    @Test
    void aVersionTwoCheckpointWithoutChecksumStillLoads() throws IOException {
        Block a = net(1);
        Path file = saved(a);
        byte[] v3 = Files.readAllBytes(file);
        byte[] v2 = Arrays.copyOf(v3, v3.length - Long.BYTES);
        int versionAt = Integer.BYTES + "nas4j.checkpoint".length();
        assertEquals(Checkpoint.VERSION, ByteBuffer.wrap(v2, versionAt, 4).getInt());
        ByteBuffer.wrap(v2, versionAt, 4).putInt(2);
        Files.write(file, v2);
        Block b = net(2);
        Checkpoint.load(file.getParent(), NamedParams.of(b), NamedParams.empty(), opt, null);
        assertArrayEquals(first(a), first(b));
    }
}
