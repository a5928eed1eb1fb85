package org.nas4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.conf.Conf;

/** 300 training steps leave the parameters' manager with as many arrays as after the first. */
class TrainerMemoryTest {
    @TempDir Path tmp;

    @Test
    void arraysInTheModelManagerStayFlatOver300Steps() throws IOException {
        List<Integer> counts = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            Block b = TinyData.convNet(manager, true, true);
            TrainListener probe =
                    new TrainListener() {
                        @Override
                        public void onStep(Trainer t, StepInfo s) {
                            counts.add(t.modelManagerArrays());
                            if (s.globalStep() == 50 || s.globalStep() == 300) {
                                rss.add(rssKb());
                            }
                        }
                    };
            TrainerSpec spec =
                    TrainerSpec.fromConf(Conf.of(TinyData.trainerMap(3, 1, 0.05, 0.9), "test"));
            try (Trainer t =
                    Trainer.builder(b, spec)
                            .addListener(probe)
                            .addListener(new CheckpointListener(tmp.resolve("checkpoint")))
                            .build()) {
                t.fit(new TinyData.Stream(1600, 16, 5), new TinyData.Stream(32, 16, 6));
            }
            int params = manager.getManagedArrays().size();
            assertTrue(params > 0);
        }
        assertEquals(300, counts.size());
        assertEquals(counts.get(0), counts.get(299), () -> "arrays per step: " + counts);
        if (rss.size() == 2 && rss.get(0) > 0) {
            long grownMb = (rss.get(1) - rss.get(0)) / 1024;
            assertTrue(grownMb < 64, () -> "RSS grew by " + grownMb + " MB over 250 steps");
        }
    }

    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
