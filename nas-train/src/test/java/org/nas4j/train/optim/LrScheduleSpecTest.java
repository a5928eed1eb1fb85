package org.nas4j.train.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;

class LrScheduleSpecTest {
    /** {@code values} as the conf section at {@code dottedPath}. */
    private static Conf at(String dottedPath, Map<String, Object> values) {
        Map<String, Object> root = values;
        String[] segs = dottedPath.split("\\.");
        for (int i = segs.length - 1; i >= 0; i--) {
            root = Map.of(segs[i], root);
        }
        return Conf.of(root, "test").child(dottedPath);
    }

    @Test
    void cosineStartsAtBaseHalvesInTheMiddleAndEndsNearTheFloor() {
        LrSchedule s =
                LrScheduleSpec.fromConf(Conf.of(Map.of("type", "cosine", "min_lr", 0.001), "test"))
                        .create(0.025, 50);
        assertEquals(0.025, s.lr(0, 0, 10), 1e-12);
        assertEquals((0.025 + 0.001) / 2, s.lr(25, 3, 10), 1e-12);
        // PyTorch's CosineAnnealingLR at epoch T-1: min + (base-min)(1+cos(pi*49/50))/2
        assertEquals(0.001 + 0.024 * (1 + Math.cos(Math.PI * 49 / 50)) / 2, s.lr(49, 0, 10), 1e-12);
        assertEquals(0.001, s.lr(50, 0, 10), 1e-12);
    }

    @Test
    void warmupRisesLinearlyPerStepThenCosineRuns() {
        LrSchedule s =
                LrScheduleSpec.fromConf(
                                Conf.of(Map.of("type", "cosine", "warmup_epochs", 2), "test"))
                        .create(0.1, 12);
        assertEquals(0.1 / 8, s.lr(0, 0, 4), 1e-12);
        assertEquals(0.1 * 6 / 8, s.lr(1, 1, 4), 1e-12);
        assertEquals(0.1, s.lr(2, 0, 4), 1e-12);
        assertEquals(0.05, s.lr(7, 0, 4), 1e-12);
    }

    @Test
    void stepMultiStepAndConstantDecayAsTorch() {
        LrSchedule step =
                LrScheduleSpec.fromConf(
                                Conf.of(
                                        Map.of("type", "step", "step_size", 3, "gamma", 0.5),
                                        "test"))
                        .create(1.0, 10);
        assertEquals(1.0, step.lr(2, 0, 1));
        assertEquals(0.5, step.lr(3, 0, 1));
        assertEquals(0.125, step.lr(9, 0, 1));
        LrSchedule multi =
                LrScheduleSpec.fromConf(
                                Conf.of(
                                        Map.of(
                                                "type",
                                                "multi_step",
                                                "milestones",
                                                List.of(2, 5),
                                                "gamma",
                                                0.1),
                                        "test"))
                        .create(1.0, 10);
        assertEquals(1.0, multi.lr(1, 0, 1));
        assertEquals(0.1, multi.lr(2, 0, 1), 1e-12);
        assertEquals(0.01, multi.lr(7, 0, 1), 1e-12);
        assertEquals(0.3, LrScheduleSpec.constant().create(0.3, 5).lr(4, 2, 3));
    }

    @Test
    void unknownTypesAndKeysNameTheValidOnes() {
        ConfException e =
                assertThrows(
                        ConfException.class,
                        () ->
                                LrScheduleSpec.fromConf(
                                        at("nas.x.lr_schedule", Map.of("type", "poly"))));
        assertTrue(e.getMessage().contains("'poly'") && e.getMessage().contains("multi_step"));
        assertTrue(e.getMessage().contains("nas.x.lr_schedule.type"));
        ConfException o =
                assertThrows(
                        ConfException.class,
                        () ->
                                OptimizerSpec.fromConf(
                                        Conf.of(Map.of("type", "rmsprop", "lr", 0.1), "test")));
        assertTrue(o.getMessage().contains("[sgd, adam]"), o::getMessage);
        ConfException k =
                assertThrows(
                        ConfException.class,
                        () ->
                                OptimizerSpec.fromConf(
                                        at(
                                                "optimizer",
                                                Map.of("type", "sgd", "lr", 0.1, "mom", 1))));
        assertTrue(k.getMessage().contains("optimizer.mom"), k::getMessage);
    }

    @Test
    void optimizerSpecReadsTheDartsConf() {
        OptimizerSpec s =
                OptimizerSpec.fromConf(
                        Conf.of(
                                Map.of(
                                        "type",
                                        "adam",
                                        "lr",
                                        0.0003,
                                        "betas",
                                        List.of(0.5, 0.999),
                                        "decay",
                                        0.001),
                                "test"));
        assertEquals(0.5, s.beta1());
        assertEquals(0.999, s.beta2());
        assertEquals(0.001, s.decay());
        assertEquals(1e-8, s.eps());
        try (NasOptimizer o = s.create()) {
            assertEquals("adam", o.type());
        }
    }
}
