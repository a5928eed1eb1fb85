package org.nas4j.core.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nas4j.core.ConfException;

class ConfCopyTest {
    private static final String BASE =
            "dataset: {name: fm, img_size: 28, channels: 1}\n"
                    + "nas:\n"
                    + "  model: {dataset: {_copy: /dataset, channels: 3}, aux: 0.4}\n"
                    + "  trainer: {aux: '_copy: ../model/aux', ds: {_copy: ../../model/dataset}}\n"
                    + "  size: '_copy: /dataset/img_size'\n";

    @Test
    void mappingCopyFillsOnlyMissingKeys() {
        Conf conf = Conf.fromYaml(BASE, "c.yaml");
        Conf ds = conf.child("nas.model.dataset");
        assertEquals("fm", ds.getString("name"));
        assertEquals(28, ds.getInt("img_size"));
        assertEquals(3, ds.getInt("channels"), "the mapping's own key wins");
        assertFalse(ds.has("_copy"));
    }

    @Test
    void aPartialNestedOverrideKeepsTheCopiedSiblingsAtEveryDepth() {
        // Archai's semantics: the copied subtree is the base, the mapping's own keys override it
        // at any depth. A shallow fill used to replace the whole optimizer by {lr: 0.5}.
        Conf conf =
                Conf.fromYaml(
                        "search:\n"
                                + "  trainer:\n"
                                + "    epochs: 50\n"
                                + "    optimizer: {type: sgd, lr: 0.025, momentum: 0.9,"
                                + " schedule: {type: cosine, min_lr: 0.001}}\n"
                                + "eval:\n"
                                + "  trainer:\n"
                                + "    _copy: /search/trainer\n"
                                + "    epochs: 600\n"
                                + "    optimizer: {lr: 0.5, schedule: {min_lr: 0.0}}\n",
                        "c.yaml");
        Conf t = conf.child("eval.trainer");
        assertEquals(600, t.getInt("epochs"));
        assertEquals(0.5, t.getDouble("optimizer.lr"));
        assertEquals(0.9, t.getDouble("optimizer.momentum"), "kept from the copied base");
        assertEquals("sgd", t.getString("optimizer.type"));
        assertEquals("cosine", t.getString("optimizer.schedule.type"));
        assertEquals(0.0, t.getDouble("optimizer.schedule.min_lr"));
        assertEquals(0.025, conf.getDouble("search.trainer.optimizer.lr"), "the base is unchanged");
    }

    @Test
    void scalarCopyTakesTheValueRelativeOrAbsolute() {
        Conf conf = Conf.fromYaml(BASE, "c.yaml");
        assertEquals(0.4, conf.getDouble("nas.trainer.aux"));
        assertEquals(28, conf.getInt("nas.size"));
    }

    @Test
    void copiesOfCopiesWork() {
        Conf conf = Conf.fromYaml(BASE, "c.yaml");
        assertEquals(3, conf.getInt("nas.trainer.ds.channels"));
        assertEquals("fm", conf.getString("nas.trainer.ds.name"));
    }

    @Test
    void copiesAreResolvedAfterOverrides() {
        Conf conf =
                Conf.fromYaml(BASE, "c.yaml")
                        .withOverrides(
                                List.of("--dataset.img_size", "16", "--nas.model.aux", "0.2"));
        assertEquals(16, conf.getInt("nas.model.dataset.img_size"));
        assertEquals(16, conf.getInt("nas.trainer.ds.img_size"));
        assertEquals(16, conf.getInt("nas.size"));
        assertEquals(0.2, conf.getDouble("nas.trainer.aux"));
        assertEquals("command line (--dataset.img_size)", conf.sourceOf("nas.size"));
    }

    @Test
    void overrideUnderACopyWinsOnlyThere() {
        Conf conf =
                Conf.fromYaml(BASE, "c.yaml")
                        .withOverrides(
                                List.of(
                                        "--nas.model.dataset.img_size",
                                        "8",
                                        "--nas.trainer.aux",
                                        "1"));
        assertEquals(8, conf.getInt("nas.model.dataset.img_size"));
        assertEquals(8, conf.getInt("nas.trainer.ds.img_size"), "a copy of the copy sees it");
        assertEquals(28, conf.getInt("dataset.img_size"));
        assertEquals(28, conf.getInt("nas.size"));
        assertEquals(1.0, conf.getDouble("nas.trainer.aux"), "typed like the copied float");
    }

    @Test
    void overrideThroughAScalarCopyOfAMapping() {
        String yaml = "d: {a: 1, b: 2}\nx: {y: '_copy: ../d'}\n";
        Conf conf = Conf.fromYaml(yaml, "s.yaml").withOverrides(List.of("--x.y.a", "5"));
        assertEquals(5, conf.getInt("x.y.a"));
        assertEquals(2, conf.getInt("x.y.b"));
        assertEquals(1, conf.getInt("d.a"));
    }

    @Test
    void copyOfAMissingPathNamesBothPaths() {
        ConfException e =
                assertThrows(
                        ConfException.class,
                        () -> Conf.fromYaml("a: {b: {_copy: /nothere/x}}\n", "m.yaml"));
        assertTrue(e.getMessage().contains("/a/b"), e.getMessage());
        assertTrue(e.getMessage().contains("/nothere/x"), e.getMessage());
        assertTrue(e.getMessage().contains("m.yaml"), e.getMessage());
        e =
                assertThrows(
                        ConfException.class,
                        () -> Conf.fromYaml("a: {b: '_copy: ../../../x'}\n", "m.yaml"));
        assertTrue(e.getMessage().contains("above the root"), e.getMessage());
    }

    @Test
    void copyCycleIsAnError() {
        ConfException e =
                assertThrows(
                        ConfException.class,
                        () -> Conf.fromYaml("a: '_copy: /b'\nb: '_copy: /a'\n", "cyc.yaml"));
        assertTrue(e.getMessage().contains("/a -> /b -> /a"), e.getMessage());
        assertThrows(
                ConfException.class, () -> Conf.fromYaml("a: {b: {_copy: /a}}\n", "self.yaml"));
    }

    @Test
    void mappingHoldingOnlyACopyOfAValueTakesTheValue() {
        Conf conf = Conf.fromYaml("v: [1, 2]\nm: {_copy: /v}\n", "s.yaml");
        assertEquals(List.of(1, 2), conf.getIntList("m"));
        ConfException e =
                assertThrows(
                        ConfException.class,
                        () -> Conf.fromYaml("v: 1\nm: {_copy: /v, k: 2}\n", "s.yaml"));
        assertTrue(e.getMessage().contains("not a mapping"), e.getMessage());
    }
}
