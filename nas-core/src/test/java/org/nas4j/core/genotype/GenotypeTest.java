package org.nas4j.core.genotype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
