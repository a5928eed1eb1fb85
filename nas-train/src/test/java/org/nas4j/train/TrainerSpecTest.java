package org.nas4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;

class TrainerSpecTest {
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
    void readsTheDartsSearchTrainerSection() {
        Map<String, Object> m = new HashMap<>(TinyData.trainerMap(50, 1, 0.025, 0.9));
        m.put(
                "alpha_optimizer",
                Map.of("type", "adam", "lr", 0.0003, "betas", List.of(0.5, 0.999), "decay", 0.001));
        m.put("arch_warmup_epochs", 3);
        TrainerSpec s = TrainerSpec.fromConf(at("nas.search.trainer", m));
        assertEquals(50, s.epochs());
        assertEquals(5.0, s.gradClip());
        assertEquals("sgd", s.optimizer().type());
        assertEquals(0.0003, s.optimizer().decay());
        assertEquals("cosine", s.lrSchedule().type());
        assertNotNull(s.alphaOptimizer());
        assertEquals(0.5, s.alphaOptimizer().beta1());
        assertEquals(3, s.archWarmupEpochs());
    }

    @Test
    void badValuesNameTheirKeyPath() {
        Map<String, Object> m = new HashMap<>(TinyData.trainerMap(5, 0, 0.025, 0.9));
        ConfException e =
                assertThrows(
                        ConfException.class, () -> TrainerSpec.fromConf(at("nas.eval.trainer", m)));
        assertTrue(e.getMessage().contains("nas.eval.trainer.batch_chunks"), e::getMessage);
        Map<String, Object> noAlpha = new HashMap<>(TinyData.trainerMap(5, 1, 0.025, 0.9));
        assertNull(TrainerSpec.fromConf(Conf.of(noAlpha, "test")).alphaOptimizer());
        noAlpha.put("optimizer", Map.of("type", "lamb", "lr", 0.1));
        ConfException o =
                assertThrows(
                        ConfException.class,
                        () -> TrainerSpec.fromConf(at("nas.eval.trainer", noAlpha)));
        assertTrue(o.getMessage().contains("nas.eval.trainer.optimizer.type"), o::getMessage);
    }
}
