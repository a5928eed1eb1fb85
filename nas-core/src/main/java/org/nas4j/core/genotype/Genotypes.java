package org.nas4j.core.genotype;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.nas4j.core.NasException;

/** Published cells by name, as their papers report them. */
public final class Genotypes {
    private static final Map<String, String> NAMED = new LinkedHashMap<>();

    static {
        // DARTS (first order), Liu et al. 2019, arXiv:1806.09055
        NAMED.put(
                "DARTS_V1",
                "Genotype(normal=[('sep_conv_3x3', 1), ('sep_conv_3x3', 0),"
                        + " ('skip_connect', 0), ('sep_conv_3x3', 1), ('skip_connect', 0), ('sep_conv_3x3', 1),"
                        + " ('sep_conv_3x3', 0), ('skip_connect', 2)], normal_concat=[2, 3, 4, 5],"
                        + " reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2),"
                        + " ('max_pool_3x3', 0), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2),"
                        + " ('avg_pool_3x3', 0)], reduce_concat=[2, 3, 4, 5])");
        // DARTS (second order), the paper's CIFAR-10 cell
        NAMED.put(
                "DARTS_V2",
                "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1),"
                        + " ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0),"
                        + " ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5],"
                        + " reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2),"
                        + " ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2),"
                        + " ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])");
        // PC-DARTS, Xu et al. 2020, arXiv:1907.05737
        NAMED.put(
                "PC_DARTS",
                "Genotype(normal=[('sep_conv_3x3', 1), ('skip_connect', 0),"
                        + " ('sep_conv_3x3', 0), ('dil_conv_3x3', 1), ('sep_conv_5x5', 0), ('sep_conv_3x3', 1),"
                        + " ('avg_pool_3x3', 0), ('dil_conv_3x3', 1)], normal_concat=[2, 3, 4, 5],"
                        + " reduce=[('sep_conv_5x5', 1), ('max_pool_3x3', 0), ('sep_conv_5x5', 1),"
                        + " ('sep_conv_5x5', 2), ('sep_conv_3x3', 0), ('sep_conv_3x3', 3), ('sep_conv_3x3', 1),"
                        + " ('sep_conv_3x3', 2)], reduce_concat=[2, 3, 4, 5])");
    }

    private Genotypes() {}

    /** The names of the published genotypes. */
    public static Set<String> names() {
        return NAMED.keySet();
    }

    /** A published genotype by name, e.g. {@code DARTS_V2}. */
    public static Genotype named(String name) {
        String text = NAMED.get(name);
        if (text == null) {
            throw new NasException(
                    "Unknown genotype '" + name + "'; known genotypes are " + names() + ".");
        }
        return Genotype.parse(text);
    }
}
