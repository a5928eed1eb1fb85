package org.nas4j.core.genotype;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.builder.ModelDescParams;

class GenotypeLimitsTest {
    private static String cell(int edges, String op) {
        List<String> e = new ArrayList<>();
        for (int i = 0; i < edges; i++) {
            e.add("('" + op + "', " + (i / 2) + ")");
        }
        return "[" + String.join(", ", e) + "]";
    }

    private static String genotype(int edges) {
        int last = 1 + (edges + 1) / 2;
        return "Genotype(normal="
                + cell(edges, "sep_conv_3x3")
                + ", normal_concat=["
                + last
                + "], reduce="
                + cell(edges, "max_pool_3x3")
                + ", reduce_concat=["
                + last
                + "])";
    }

    @Test
    void aCellOfMoreNodesThanAConfAllowsIsRefusedNamingTheCell() {
        Genotype.parse(genotype(2 * ModelDescParams.MAX_NODES));
        String msg =
                assertThrows(
                                DescFormatException.class,
                                () -> Genotype.parse(genotype(2 * ModelDescParams.MAX_NODES + 2)))
                        .getMessage();
        assertTrue(msg.contains("normal cell has 130 edges, 65 nodes"), msg);
        assertTrue(msg.contains("at most 64 nodes"), msg);
    }

    @Test
    void anOverlyLongTextIsRefusedBeforeParsing() {
        String text = "Genotype(normal=[" + " ".repeat(GenotypeParser.MAX_CHARS) + "])";
        String msg =
                assertThrows(DescFormatException.class, () -> Genotype.parse(text)).getMessage();
        assertTrue(msg.contains(text.length() + " characters long"), msg);
        assertTrue(msg.contains(Integer.toString(GenotypeParser.MAX_CHARS)), msg);
    }

    @Test
    void anInputPastIntIsRefusedNamingTheColumn() {
        String msg =
                assertThrows(
                                DescFormatException.class,
                                () -> Genotype.parse(genotype(2).replace(", 0)", ", 99999999999)")))
                        .getMessage();
        assertTrue(msg.contains("larger than " + Integer.MAX_VALUE), msg);
    }
}
