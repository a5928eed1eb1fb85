package org.nas4j.core.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nas4j.core.ConfException;

class ConfOverrideTest {
    private static final String YAML =
            "t:\n"
                    + "  epochs: 50\n"
                    + "  lr: 0.025\n"
                    + "  nesterov: false\n"
                    + "  name: sgd\n"
                    + "  betas: [0.5, 0.999]\n"
                    + "  prims: [a, b]\n"
                    + "  sizes: [1, 2]\n"
                    + "  opt: null\n";

    private static Conf with(String... args) {
        return Conf.fromYaml(YAML, "o.yaml").withOverrides(List.of(args));
    }

    @Test
    void overridesAreTypedLikeTheValueTheyReplace() {
        Conf t =
                with("--t.epochs", "3", "--t.lr", "1", "--t.nesterov", "true", "--t.name", "adam")
                        .child("t");
        assertEquals(3, t.get("epochs"));
        assertEquals(1.0, t.get("lr"));
        assertEquals(true, t.get("nesterov"));
        assertEquals("adam", t.get("name"));
        assertEquals("command line (--t.epochs)", t.sourceOf("epochs"));
        assertEquals("o.yaml", t.sourceOf("betas"));
    }

    @Test
    void listOverridesAcceptBracketsOrCommas() {
        Conf t = with("--t.betas", "[0.9, 0.99]", "--t.prims", "x,y,z", "--t.sizes=[3]").child("t");
        assertEquals(List.of(0.9, 0.99), t.getDoubleList("betas"));
        assertEquals(List.of("x", "y", "z"), t.getStringList("prims"));
        assertEquals(List.of(3), t.getIntList("sizes"));
        assertEquals(List.of(), with("--t.sizes", "[]").getIntList("t.sizes"));
    }

    @Test
    void nullValueIsReplacedAsYamlTypesTheText() {
        assertEquals(7, with("--t.opt", "7").get("t.opt"));
        assertEquals("adam", with("--t.opt", "adam").get("t.opt"));
    }

    @Test
    void badlyTypedOverridesAreErrors() {
        ConfException e = assertThrows(ConfException.class, () -> with("--t.epochs", "0.5"));
        assertTrue(e.getMessage().contains("'0.5'"), e.getMessage());
        assertTrue(e.getMessage().contains("--t.epochs"), e.getMessage());
        assertTrue(e.getMessage().contains("an integer"), e.getMessage());
        assertThrows(ConfException.class, () -> with("--t.nesterov", "maybe"));
        assertThrows(ConfException.class, () -> with("--t.lr", "fast"));
        assertThrows(ConfException.class, () -> with("--t.sizes", "[1, x]"));
        e = assertThrows(ConfException.class, () -> with("--t", "1"));
        assertTrue(e.getMessage().contains("epochs, lr"), e.getMessage());
    }

    @Test
    void unknownKeySuggestsTheNearestExistingKeys() {
        ConfException e = assertThrows(ConfException.class, () -> with("--t.epoch", "3"));
        assertTrue(
                e.getMessage().contains("--t.epoch names a key that does not exist"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Nearest existing keys: t.epochs"), e.getMessage());
        e = assertThrows(ConfException.class, () -> with("--epochs", "3"));
        assertTrue(e.getMessage().contains("Nearest existing keys: t.epochs"), e.getMessage());
    }

    @Test
    void danglingOrMalformedArgumentsAreErrors() {
        ConfException e = assertThrows(ConfException.class, () -> with("--t.epochs"));
        assertTrue(e.getMessage().contains("--t.epochs has no value"), e.getMessage());
        assertThrows(ConfException.class, () -> with("--t.epochs", "--t.lr", "1"));
        assertThrows(ConfException.class, () -> with("t.epochs", "1"));
    }

    @Test
    void withOverridesOnAViewIsRelativeAndLeavesTheOriginalAlone() {
        Conf base = Conf.fromYaml(YAML, "o.yaml");
        Conf t = base.child("t").withOverrides(List.of("--epochs", "9"));
        assertEquals("t", t.path());
        assertEquals(9, t.getInt("epochs"));
        assertEquals(50, base.getInt("t.epochs"));
        assertFalse(t.has("t"));
    }

    @Test
    void loadAppliesOverridesToShippedConfs() {
        Conf conf =
                Conf.load(
                        List.of("confs/algos/darts_toy.yaml"),
                        List.of(
                                "--nas.search.trainer.epochs", "1",
                                "--dataset.img_size", "16",
                                "--nas.eval.model_desc.aux_weight", "0.3"));
        assertEquals(1, conf.getInt("nas.search.trainer.epochs"));
        assertEquals(16, conf.getInt("nas.search.model_desc.dataset.img_size"));
        assertEquals(16, conf.getInt("nas.eval.loader.dataset.img_size"));
        assertEquals(0.3, conf.getDouble("nas.eval.trainer.aux_weight"));
    }
}
