package org.nas4j.core.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.configuration2.ImmutableHierarchicalConfiguration;
import org.junit.jupiter.api.Test;
import org.nas4j.core.ConfException;

/** ${...} variables as commons-configuration2 users write them, and the commons view. */
class ConfInterpolationTest {
    private static Conf yaml(String text) {
        return Conf.fromYaml(text, "vars.yaml");
    }

    @Test
    void aWholeValueVariableKeepsTheReferencedType() {
        Conf c = yaml("a: {epochs: 7, lr: 0.5}\nb: {epochs: '${a.epochs}', lr: '${a.lr}'}\n");
        assertEquals(7, c.getInt("b.epochs"));
        assertEquals(0.5, c.getDouble("b.lr"));
    }

    @Test
    void variablesInsideTextAndChainsAndCopiesResolve() {
        Conf c =
                yaml(
                        "common: {name: run, dir: 'out/${common.name}_${common.seed}', seed: 3}\n"
                                + "x: '${common.dir}/log'\n"
                                + "y: {_copy: /common}\n");
        assertEquals("out/run_3", c.getString("common.dir"));
        assertEquals("out/run_3/log", c.getString("x"));
        assertEquals("out/run_3", c.getString("y.dir"));
    }

    @Test
    void environmentAndSystemPropertiesAreLookedUp() {
        System.setProperty("nas4j.test.prop", "42");
        Conf c = yaml("p: '${sys:nas4j.test.prop}'\nh: 'home=${env:PATH}'\n");
        assertEquals(42, Integer.parseInt(c.getString("p")));
        assertEquals("home=" + System.getenv("PATH"), c.getString("h"));
    }

    @Test
    void anUndefinedVariableNamesTheKeyFileAndLine() {
        ConfException e =
                assertThrows(ConfException.class, () -> yaml("a: 1\nb: 'x ${nope.key} y'\n"));
        assertTrue(e.getMessage().contains("Key b in vars.yaml:2"), e.getMessage());
        assertTrue(e.getMessage().contains("${nope.key}"), e.getMessage());
        e = assertThrows(ConfException.class, () -> yaml("b: '${env:NAS4J_SURELY_UNSET_VAR}'\n"));
        assertTrue(e.getMessage().contains("NAS4J_SURELY_UNSET_VAR"), e.getMessage());
    }

    @Test
    void aCycleIsAnError() {
        ConfException e = assertThrows(ConfException.class, () -> yaml("a: '${b}'\nb: '${a}'\n"));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }

    @Test
    void doubleDollarWritesALiteral() {
        assertEquals("${not.a.var}", yaml("a: '$${not.a.var}'\n").getString("a"));
    }

    @Test
    void overridesAndTheShippedConfsInterpolateToo() {
        Conf c =
                Conf.load(
                        AlgoConfs.confPaths("darts", false, null, null),
                        List.of("--common.experiment_name", "seed_${common.seed}"));
        assertEquals("seed_" + c.getLong("common.seed"), c.getString("common.experiment_name"));
    }

    @Test
    void theCommonsViewHoldsTheResolvedTree() {
        Conf c =
                Conf.load(AlgoConfs.confPaths("darts", false, null, null), List.of())
                        .child("nas.search");
        ImmutableHierarchicalConfiguration h = c.configuration();
        assertEquals(c.getInt("trainer.epochs"), h.getInt("trainer.epochs"));
        assertEquals(
                c.getStringList("model_desc.primitives"),
                h.getList(String.class, "model_desc.primitives"));
        assertEquals(c.getDouble("trainer.optimizer.lr"), h.getDouble("trainer.optimizer.lr"));
    }
}
