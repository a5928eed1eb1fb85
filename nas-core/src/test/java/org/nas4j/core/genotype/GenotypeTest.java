package org.nas4j.core.genotype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.NodeDesc;

class GenotypeTest {
    @Test
    void everyPublishedGenotypeRoundTripsExactly() {
        for (String name : Genotypes.names()) {
            Genotype g = Genotypes.named(name);
            assertEquals(8, g.normal().size(), name);
            assertEquals(List.of(2, 3, 4, 5), g.reduceConcat(), name);
            assertEquals(g, Genotype.parse(g.toString()), name);
            assertEquals(g.toString(), Genotype.parse(g.toString()).toString(), name);
        }
    }

    @Test
    void readsRangeConcatAndDoubleQuotes() {
        Genotype g =
                Genotype.parse(
                        "Genotype(normal=[(\"skip_connect\", 0), ('sep_conv_3x3',1)],"
                                + " normal_concat=range(2, 3), reduce=[], reduce_concat=[2])");
        assertEquals(List.of(2), g.normalConcat());
        assertEquals(new Genotype.Edge("sep_conv_3x3", 1), g.normal().get(1));
    }

    private static final String EDGES =
            "[('sep_conv_3x3', 0), ('skip_connect', 1), ('dil_conv_3x3', 2), ('max_pool_3x3', 0)]";

    @Test
    void acceptsTrailingCommasAsPythonDoes() {
        Genotype g =
                Genotype.parse(
                        "Genotype(\n  normal=[\n    ('sep_conv_3x3', 0,),\n    ('skip_connect', 1),\n"
                                + "    ('dil_conv_3x3', 2), ('max_pool_3x3', 0),\n  ],\n"
                                + "  normal_concat=[2, 3,],\n  reduce="
                                + EDGES
                                + ",\n  reduce_concat=range(2, 4,),\n)");
        assertEquals(Genotype.parse(canonical("[2, 3]", "[2, 3]")), g);
        assertEquals(new Genotype.Edge("sep_conv_3x3", 0), g.normal().get(0));
        assertEquals(List.of(2, 3), g.normalConcat());
    }

    private static String canonical(String normalConcat, String reduceConcat) {
        return "Genotype(normal="
                + EDGES
                + ", normal_concat="
                + normalConcat
                + ", reduce="
                + EDGES
                + ", reduce_concat="
                + reduceConcat
                + ")";
    }

    @Test
    void rangeConcatPrintsBackAsWritten() {
        String text = canonical("range(2, 4)", "[2, 3]");
        Genotype g = Genotype.parse(text);
        assertEquals(text, g.toString());
        assertEquals("range(2, 4)", g.normalConcat().toString());
        assertEquals(List.of(2, 3), g.normalConcat());
        assertEquals(Genotype.parse(canonical("[2, 3]", "[2, 3]")), g, "range(2, 4) == [2, 3]");
        assertEquals("range(4)", Genotype.parse(canonical("range(4)", "[2]")).normalConcat() + "");
    }

    @Test
    void readsTuplesListsPositionalArgumentsAndPerNodeGroups() {
        Genotype expected = Genotype.parse(canonical("[2, 3]", "[2, 3]"));
        // tuples for lists and lists for tuples, as Python does not mind
        String tuples =
                "(['sep_conv_3x3', 0], ('skip_connect', 1), ('dil_conv_3x3', 2),"
                        + " ('max_pool_3x3', 0))";
        assertEquals(
                expected,
                Genotype.parse(
                        canonical("(2, 3)", "[2, 3]").replaceFirst(Pattern.quote(EDGES), tuples)));
        // the namedtuple's fields by position
        assertEquals(
                expected,
                Genotype.parse(
                        "Genotype(" + EDGES + ", [2, 3], " + EDGES + ", reduce_concat=[2, 3])"));
        // edges grouped per node, as pt.darts prints them
        String grouped =
                "[[('sep_conv_3x3', 0), ('skip_connect', 1)], [('dil_conv_3x3', 2),"
                        + " ('max_pool_3x3', 0)]]";
        assertEquals(
                expected, Genotype.parse(canonical("[2, 3]", "[2, 3]").replace(EDGES, grouped)));
    }

    @Test
    void refusesWhatPythonOrACellCannotMeanWithOneSentence() {
        String overflow = canonical("[2, 3]", "[2, 3]").replace("2)", "99999999999)");
        DescFormatException e =
                assertThrows(DescFormatException.class, () -> Genotype.parse(overflow));
        assertTrue(e.getMessage().contains("larger than 2147483647"), e.getMessage());
        e =
                assertThrows(
                        DescFormatException.class,
                        () -> Genotype.parse(canonical("range(2, 2000000000)", "[2]")));
        assertTrue(e.getMessage().contains("states 0..3"), e.getMessage());
        e =
                assertThrows(
                        DescFormatException.class,
                        () -> Genotype.parse("Genotype(normal=" + EDGES + ", " + EDGES + ")"));
        assertTrue(e.getMessage().contains("follows a keyword"), e.getMessage());
        e =
                assertThrows(
                        DescFormatException.class,
                        () ->
                                Genotype.parse(
                                        canonical("[2]", "[2]")
                                                .replace("[2])", "[2], normal=[])")));
        assertTrue(e.getMessage().contains("given twice"), e.getMessage());
    }

    @Test
    void publishedNamesIncludeTheDartsFamilyAndIgnoreCase() {
        for (String name :
                List.of(
                        "PDARTS",
                        "GDAS_V1",
                        "DRNAS_CIFAR10",
                        "SNAS_MILD",
                        "SNAS_MODERATE",
                        "SNAS_AGGRESSIVE",
                        "PC_DARTS_IMAGENET")) {
            assertTrue(Genotypes.names().contains(name), name);
        }
        assertEquals(Genotypes.named("DRNAS_CIFAR10"), Genotypes.named("DrNAS_cifar10"));
        // as published: range(2, 6), so printed back the same way
        assertTrue(Genotypes.named("PDARTS").toString().contains("normal_concat=range(2, 6)"));
    }

    @Test
    void nodesPutStrideTwoOnReductionInputsOnly() {
        List<NodeDesc> nodes = Genotypes.named("DARTS_V2").nodes(true, 32, true);
        assertEquals(4, nodes.size());
        assertEquals(2, nodes.get(0).edges().get(0).op().stride()); // max_pool from input 0
        assertEquals(1, nodes.get(1).edges().get(0).op().stride()); // skip_connect from node 0
        assertEquals(32, nodes.get(3).conv().chOut());
    }

    @Test
    void malformedTextNamesTheColumn() {
        DescFormatException e =
                assertThrows(
                        DescFormatException.class,
                        () -> Genotype.parse("Genotype(normal=[('sep_conv_3x3' 0)])"));
        assertTrue(
                e.getMessage().contains("column 34") && e.getMessage().contains("expected ','"),
                e.getMessage());
        e = assertThrows(DescFormatException.class, () -> Genotype.parse("Genotype(normal=[])"));
        assertTrue(e.getMessage().contains("normal_concat"), e.getMessage());
        e = assertThrows(DescFormatException.class, () -> Genotype.parse("Genotype(colour=[])"));
        assertTrue(e.getMessage().contains("unknown field 'colour'"), e.getMessage());
    }

    @Test
    void unknownNameListsKnownOnes() {
        NasException e = assertThrows(NasException.class, () -> Genotypes.named("DARTS_V3"));
        assertTrue(e.getMessage().contains("DARTS_V2"), e.getMessage());
    }
}
