package org.nas4j.core.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.configuration2.HierarchicalConfiguration;
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

    @Test
    void aLiteralStaysLiteralWhenAnotherValueTakesIt() {
        Conf c = yaml("x: 5\na: '$${x}'\nb: 'pre ${a}'\nc: '${a}'\nd: '$${d} ${a}'\n");
        assertEquals("pre ${x}", c.getString("b"));
        assertEquals("${x}", c.getString("c"));
        assertEquals("${d} ${x}", c.getString("d"));
    }

    @Test
    void aResolvedConfWrittenAsYamlReadsBackTheSame() {
        System.setProperty("nas4j.test.dir", "/data/x");
        Conf c =
                yaml(
                        "x: 5\na: '$${x}'\nb: '$$${x}'\nc: '${sys:nas4j.test.dir}/y'\n"
                                + "d: {e: '${x}', f: ['$${x}', '${x}']}\n");
        assertEquals("$${x}", c.getString("b"));
        Conf back = Conf.fromYaml(c.toYaml(), "config_used.yaml");
        assertEquals(c.toMap(), back.toMap());
    }

    @Test
    void anOverrideOfAKeyHoldingOneVariableIsTypedAsYaml() {
        Conf c =
                yaml("a: {epochs: 7}\nb: {epochs: '${a.epochs}'}\n")
                        .withOverrides(List.of("--b.epochs", "3"));
        assertEquals(3, c.getInt("b.epochs"));
        assertEquals(7, c.getInt("a.epochs"));
    }

    @Test
    void aWholeEnvironmentOrSystemVariableIsTypedLikeAYamlScalar() {
        System.setProperty("nas4j.test.int", "12");
        System.setProperty("nas4j.test.float", "0.5");
        System.setProperty("nas4j.test.bool", "true");
        System.setProperty("nas4j.test.text", "adam");
        System.setProperty("nas4j.test.list", "[1, 2]");
        Conf c =
                yaml(
                        "i: '${sys:nas4j.test.int}'\nf: '${sys:nas4j.test.float}'\n"
                                + "b: '${sys:nas4j.test.bool}'\nt: '${sys:nas4j.test.text}'\n"
                                + "l: '${sys:nas4j.test.list}'\nm: 'n${sys:nas4j.test.int}'\n");
        assertEquals(12, c.getInt("i"));
        assertEquals(0.5, c.getDouble("f"));
        assertTrue(c.getBool("b"));
        assertEquals("adam", c.getString("t"));
        assertEquals("[1, 2]", c.getString("l"), "only scalars are typed");
        assertEquals("n12", c.getString("m"));
    }

    @Test
    void onlyKeysEnvAndSysAreLookedUp() {
        for (String v : List.of("${file:UTF-8:/etc/hostname}", "${const:java.lang.Math.PI}")) {
            ConfException e =
                    assertThrows(ConfException.class, () -> yaml("a: 1\nb: 'x " + v + "'\n"));
            assertTrue(e.getMessage().contains("Key b in vars.yaml:2"), e.getMessage());
            assertTrue(e.getMessage().contains("env:, sys:"), e.getMessage());
        }
    }

    @Test
    void aVariableNamingAMappingIsAnErrorThatSaysSo() {
        ConfException e = assertThrows(ConfException.class, () -> yaml("a: {x: 1}\nb: '${a}'\n"));
        assertTrue(e.getMessage().contains("mapping"), e.getMessage());
        assertTrue(e.getMessage().contains("_copy"), e.getMessage());
    }

    @Test
    void listsTakeResolvedValuesWhateverTheOrderOfKeys() {
        Conf c = yaml("b: '${a}'\na: ['${x}', 2]\nx: 1\nl: [{y: '${x}'}]\n");
        assertEquals(List.of(1, 2), c.get("b"));
        assertEquals(List.of(1, 2), c.get("a"));
        assertEquals(List.of(Map.of("y", 1)), c.get("l"));
    }

    @Test
    void theCommonsViewIsReadOnlyAndKeepsLiterals() {
        Conf c = yaml("x: 5\na: '$${x}'\nb: '$$${x}'\nn: {x: 6, c: '$${x}', d: '${x}'}\n");
        ImmutableHierarchicalConfiguration h = c.configuration();
        assertFalse(h instanceof HierarchicalConfiguration<?>, "no cast makes it writable");
        assertEquals("${x}", h.getString("a"));
        assertEquals("$${x}", h.getString("b"));
        assertEquals(List.of("${x}"), h.getList(String.class, "n.c"));
        assertEquals("${x}", c.child("n").configuration().getString("c"));
        assertEquals(5, h.immutableConfigurationAt("n").getInt("d"));
    }

    @Test
    void aDefaultIsTakenWhenTheVariableIsNotDefined() {
        System.setProperty("nas4j.test.set", "3");
        Conf c =
                yaml(
                        "a: 1\nb: '${sys:nas4j.test.unset:-8}'\nc: '${sys:nas4j.test.set:-8}'\n"
                                + "d: 'x${env:NAS4J_SURELY_UNSET_VAR:-/tmp}'\ne: '${nope:-${}'\n"
                                + "f: '${a:-2}'\n");
        assertEquals(8, c.getInt("b"));
        assertEquals(3, c.getInt("c"));
        assertEquals("x/tmp", c.getString("d"));
        assertEquals("${", c.getString("e"));
        assertEquals(1, c.getInt("f"));
    }

    @Test
    void anUndefinedKeyNamesTheNearestKeys() {
        ConfException e =
                assertThrows(
                        ConfException.class,
                        () -> yaml("trainer: {epochs: 3}\nx: '${trainer.epoch}'\n"));
        assertTrue(e.getMessage().contains("trainer.epochs"), e.getMessage());
        assertTrue(e.getMessage().contains("vars.yaml:2"), e.getMessage());
    }
}
