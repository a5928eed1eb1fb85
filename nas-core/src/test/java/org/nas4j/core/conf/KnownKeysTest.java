package org.nas4j.core.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.ConfException;

/** A user's --conf file is checked like an override: misspelt keys are errors. */
class KnownKeysTest {
    @TempDir Path tmp;

    private Conf load(String yaml) throws Exception {
        Path f = tmp.resolve("mine.yaml");
        Files.writeString(f, yaml);
        return Conf.load(
                AlgoConfs.confPaths("darts", false, null, null), List.of(f.toString()), List.of());
    }

    @Test
    void aMisspeltLeafKeyNamesFileLineAndTheNearestKeys() {
        ConfException e =
                assertThrows(
                        ConfException.class,
                        () -> load("nas:\n  search:\n    trainer:\n      epocs: 5\n"));
        assertTrue(e.getMessage().contains("'nas.search.trainer.epocs'"), e.getMessage());
        assertTrue(e.getMessage().contains("mine.yaml:4"), e.getMessage());
        assertTrue(e.getMessage().contains("nas.search.trainer.epochs"), e.getMessage());
    }

    @Test
    void aMisspeltKeyInsideASectionAndAnUnknownSectionAreRefused() {
        ConfException e =
                assertThrows(
                        ConfException.class,
                        () -> load("nas:\n  eval:\n    loader:\n      bacth: 8\n"));
        assertTrue(e.getMessage().contains("nas.eval.loader.batch"), e.getMessage());
        e = assertThrows(ConfException.class, () -> load("nass:\n  eval: {}\n"));
        assertTrue(e.getMessage().contains("'nass'"), e.getMessage());
    }

    @Test
    void switchingASectionsTypeBringsThatTypesKeys() throws Exception {
        Conf c =
                load(
                        "nas:\n  eval:\n    trainer:\n      lr_schedule:\n"
                                + "        type: 'step'\n        step_size: 2\n        gamma: 0.5\n");
        assertEquals(2, c.getInt("nas.eval.trainer.lr_schedule.step_size"));
        assertThrows(
                ConfException.class,
                () -> load("nas:\n  eval:\n    trainer:\n      lr_schedule:\n        gama: 1\n"));
    }

    @Test
    void knownKeysAndCopiesMergeAsBefore() throws Exception {
        Conf c =
                load(
                        "nas:\n  search:\n    trainer:\n      epochs: 3\n"
                                + "      optimizer:\n        _copy: '/nas/eval/trainer/optimizer'\n"
                                + "        lr: 0.5\n");
        assertEquals(3, c.getInt("nas.search.trainer.epochs"));
        assertEquals(0.5, c.getDouble("nas.search.trainer.optimizer.lr"));
    }
}
