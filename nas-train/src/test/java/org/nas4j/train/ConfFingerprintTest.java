package org.nas4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nas4j.core.conf.Conf;

class ConfFingerprintTest {
    private static final String BASE =
            "common: {seed: 2, num_threads: 0, logdir: runs, resume: true}\n"
                    + "nas:\n"
                    + "  search: {trainer: {epochs: 3, lr: 0.1, checkpoint_every_steps: 0}}\n"
                    + "  eval: {trainer: {epochs: 5, lr: 0.2, checkpoint_cells: 0}, test_weights: last}\n"
                    + "  trials: {count: 4}\n";

    private static String hash(String phase, String... overrides) {
        return ConfFingerprint.of(
                Conf.fromYaml(BASE, "base.yaml").withOverrides(List.of(overrides)), phase);
    }

    @Test
    void keysThatMayChangeOnResumeLeaveTheHashAlone() {
        String h = hash("search");
        assertEquals(64, h.length());
        assertEquals(h, hash("search", "--nas.search.trainer.epochs", "10"));
        assertEquals(h, hash("search", "--common.num_threads", "1", "--common.logdir", "/x"));
        assertEquals(h, hash("search", "--nas.search.trainer.checkpoint_every_steps", "50"));
        assertEquals(h, hash("search", "--nas.trials.count", "9"));
        assertEquals(h, hash("search", "--nas.eval.trainer.lr", "0.9"), "the other phase's keys");
        assertEquals(hash("eval"), hash("eval", "--nas.eval.trainer.checkpoint_cells", "2"));
    }

    @Test
    void keysThatShapeThePhaseChangeIt() {
        assertNotEquals(hash("search"), hash("search", "--nas.search.trainer.lr", "0.2"));
        assertNotEquals(hash("search"), hash("search", "--common.seed", "3"));
        assertNotEquals(hash("eval"), hash("eval", "--nas.eval.test_weights", "best"));
    }

    @Test
    void numbersCountByValue() {
        assertEquals(hash("eval"), hash("eval", "--nas.eval.trainer.lr", "0.20"));
    }

    @Test
    void relevanceIsPerPhase() {
        assertTrue(ConfFingerprint.relevant("nas.search.trainer.lr", "search"));
        assertFalse(ConfFingerprint.relevant("nas.search.trainer.lr", "eval"));
        assertFalse(ConfFingerprint.relevant("common.device", "eval"));
        assertTrue(ConfFingerprint.relevant("dataset.name", "eval"));
    }
}
