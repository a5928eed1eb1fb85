package org.nas4j.core.genotype;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.nas4j.core.NasException;

/**
 * Published cells by name, as the authors' repositories publish them (each entry names its paper
 * and the repository file it was copied from). Names are matched ignoring case.
 */
public final class Genotypes {
    private static final Map<String, String> NAMED = new LinkedHashMap<>();

    static {
        // DARTS (first order), Liu et al. 2019, arXiv:1806.09055; github.com/quark0/darts
        // cnn/genotypes.py DARTS_V1
        NAMED.put(
                "DARTS_V1",
                "Genotype(normal=[('sep_conv_3x3', 1), ('sep_conv_3x3', 0),"
                        + " ('skip_connect', 0), ('sep_conv_3x3', 1), ('skip_connect', 0), ('sep_conv_3x3', 1),"
                        + " ('sep_conv_3x3', 0), ('skip_connect', 2)], normal_concat=[2, 3, 4, 5],"
                        + " reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2),"
                        + " ('max_pool_3x3', 0), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2),"
                        + " ('avg_pool_3x3', 0)], reduce_concat=[2, 3, 4, 5])");
        // DARTS (second order), the paper's CIFAR-10 cell; github.com/quark0/darts cnn/genotypes.py
        // DARTS_V2
        NAMED.put(
                "DARTS_V2",
                "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1),"
                        + " ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0),"
                        + " ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5],"
                        + " reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2),"
                        + " ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2),"
                        + " ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])");
        // PC-DARTS, Xu et al. 2020, arXiv:1907.05737, CIFAR-10 search;
        // github.com/yuhuixu1993/PC-DARTS genotypes.py PC_DARTS_cifar (commit b74702f)
        NAMED.put(
                "PC_DARTS",
                "Genotype(normal=[('sep_conv_3x3', 1), ('skip_connect', 0), ('sep_conv_3x3', 0)"
                        + ", ('dil_conv_3x3', 1), ('sep_conv_5x5', 0), ('sep_conv_3x3', 1)"
                        + ", ('avg_pool_3x3', 0), ('dil_conv_3x3', 1)], normal_concat=range(2, 6)"
                        + ", reduce=[('sep_conv_5x5', 1), ('max_pool_3x3', 0), ('sep_conv_5x5', 1)"
                        + ", ('sep_conv_5x5', 2), ('sep_conv_3x3', 0), ('sep_conv_3x3', 3)"
                        + ", ('sep_conv_3x3', 1), ('sep_conv_3x3', 2)], reduce_concat=range(2, 6))");
        // PC-DARTS, ImageNet search; github.com/yuhuixu1993/PC-DARTS genotypes.py PC_DARTS_image
        // (commit b74702f)
        NAMED.put(
                "PC_DARTS_IMAGENET",
                "Genotype(normal=[('skip_connect', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 0)"
                        + ", ('skip_connect', 1), ('sep_conv_3x3', 1), ('sep_conv_3x3', 3)"
                        + ", ('sep_conv_3x3', 1), ('dil_conv_5x5', 4)], normal_concat=range(2, 6)"
                        + ", reduce=[('sep_conv_3x3', 0), ('skip_connect', 1), ('dil_conv_5x5', 2)"
                        + ", ('max_pool_3x3', 1), ('sep_conv_3x3', 2), ('sep_conv_3x3', 1)"
                        + ", ('sep_conv_5x5', 0), ('sep_conv_3x3', 3)], reduce_concat=range(2, 6))");
        // P-DARTS, Chen et al. 2019, arXiv:1904.12760;
        // github.com/chenxin061/pdarts genotypes.py PDARTS (commit b880e87)
        NAMED.put(
                "PDARTS",
                "Genotype(normal=[('skip_connect', 0), ('dil_conv_3x3', 1), ('skip_connect', 0)"
                        + ", ('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('sep_conv_3x3', 3)"
                        + ", ('sep_conv_3x3', 0), ('dil_conv_5x5', 4)], normal_concat=range(2, 6)"
                        + ", reduce=[('avg_pool_3x3', 0), ('sep_conv_5x5', 1), ('sep_conv_3x3', 0)"
                        + ", ('dil_conv_5x5', 2), ('max_pool_3x3', 0), ('dil_conv_3x3', 1)"
                        + ", ('dil_conv_3x3', 1), ('dil_conv_5x5', 3)], reduce_concat=range(2, 6))");
        // GDAS, Dong & Yang 2019, arXiv:1910.04465; github.com/D-X-Y/AutoDL-Projects
        // xautodl/nas_infer_model/DXYs/genotypes.py GDAS_V1 (commit f46486e), whose per-node pairs
        // ((op, i), (op, j)) are written here as DARTS's flat list, node by node
        NAMED.put(
                "GDAS_V1",
                "Genotype(normal=[('skip_connect', 0), ('skip_connect', 1), ('skip_connect', 0)"
                        + ", ('sep_conv_5x5', 2), ('sep_conv_3x3', 3), ('skip_connect', 0)"
                        + ", ('sep_conv_5x5', 4)"
                        + ", ('sep_conv_3x3', 3)], normal_concat=[2, 3, 4, 5], reduce=[('sep_conv_5x5', 0)"
                        + ", ('sep_conv_3x3', 1), ('sep_conv_5x5', 2), ('sep_conv_5x5', 1)"
                        + ", ('dil_conv_5x5', 2), ('sep_conv_3x3', 1), ('sep_conv_5x5', 0)"
                        + ", ('sep_conv_5x5', 1)], reduce_concat=[2, 3, 4, 5])");
        // DrNAS, Chen et al. 2021, arXiv:2006.10355, CIFAR-10 search;
        // github.com/xiangning-chen/DrNAS DARTS-space/genotypes.py DrNAS_cifar10 (commit f2caa4d)
        NAMED.put(
                "DRNAS_CIFAR10",
                "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_5x5', 1), ('sep_conv_3x3', 1)"
                        + ", ('sep_conv_3x3', 2), ('skip_connect', 0), ('sep_conv_3x3', 1)"
                        + ", ('sep_conv_3x3', 2), ('dil_conv_5x5', 3)], normal_concat=range(2, 6)"
                        + ", reduce=[('max_pool_3x3', 0), ('sep_conv_5x5', 1), ('dil_conv_5x5', 2)"
                        + ", ('sep_conv_5x5', 1), ('sep_conv_5x5', 1), ('dil_conv_5x5', 3)"
                        + ", ('skip_connect', 4), ('sep_conv_5x5', 1)], reduce_concat=range(2, 6))");
        // DrNAS, ImageNet search; github.com/xiangning-chen/DrNAS DARTS-space/genotypes.py
        // DrNAS_imagenet (commit f2caa4d)
        NAMED.put(
                "DRNAS_IMAGENET",
                "Genotype(normal=[('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 0)"
                        + ", ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('dil_conv_3x3', 3)"
                        + ", ('skip_connect', 0), ('sep_conv_3x3', 1)], normal_concat=range(2, 6)"
                        + ", reduce=[('max_pool_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0)"
                        + ", ('skip_connect', 2), ('sep_conv_3x3', 0), ('sep_conv_3x3', 2)"
                        + ", ('sep_conv_3x3', 3), ('sep_conv_3x3', 1)], reduce_concat=range(2, 6))");
        // SNAS, Xie et al. 2019, arXiv:1812.09926, mild resource constraint;
        // github.com/SNAS-Series/SNAS-Series SNAS/genotypes.py SNAS_mild (commit 9a43adb)
        NAMED.put(
                "SNAS_MILD",
                "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('skip_connect', 0)"
                        + ", ('dil_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 1)"
                        + ", ('skip_connect', 0), ('sep_conv_3x3', 1)], normal_concat=range(2, 6)"
                        + ", reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('max_pool_3x3', 1)"
                        + ", ('skip_connect', 2), ('max_pool_3x3', 1), ('skip_connect', 2)"
                        + ", ('max_pool_3x3', 0), ('dil_conv_5x5', 2)], reduce_concat=range(2, 6))");
        // SNAS, moderate constraint; SNAS/genotypes.py SNAS_moderate (commit 9a43adb)
        NAMED.put(
                "SNAS_MODERATE",
                "Genotype(normal=[('dil_conv_5x5', 0), ('skip_connect', 1), ('sep_conv_3x3', 0)"
                        + ", ('skip_connect', 1), ('skip_connect', 0), ('skip_connect', 1)"
                        + ", ('sep_conv_3x3', 0), ('dil_conv_5x5', 1)], normal_concat=range(2, 6)"
                        + ", reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('sep_conv_5x5', 0)"
                        + ", ('dil_conv_5x5', 1), ('sep_conv_5x5', 0), ('sep_conv_5x5', 1)"
                        + ", ('sep_conv_5x5', 0), ('sep_conv_5x5', 1)], reduce_concat=range(2, 6))");
        // SNAS, aggressive constraint (its reduction cell keeps 'none' edges, as published);
        // SNAS/genotypes.py SNAS_aggressive (commit 9a43adb)
        NAMED.put(
                "SNAS_AGGRESSIVE",
                "Genotype(normal=[('sep_conv_5x5', 0), ('skip_connect', 1), ('skip_connect', 0)"
                        + ", ('skip_connect', 1), ('dil_conv_5x5', 1), ('skip_connect', 0)"
                        + ", ('skip_connect', 0), ('dil_conv_5x5', 1)], normal_concat=range(2, 6)"
                        + ", reduce=[('sep_conv_5x5', 0), ('none', 1), ('sep_conv_5x5', 0), ('none', 1)"
                        + ", ('none', 1), ('none', 0), ('none', 1)"
                        + ", ('none', 0)], reduce_concat=range(2, 6))");
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
            text =
                    NAMED.entrySet().stream()
                            .filter(e -> e.getKey().equalsIgnoreCase(name))
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElse(null);
        }
        if (text == null) {
            throw new NasException(
                    "Unknown genotype '" + name + "'; known genotypes are " + names() + ".");
        }
        return Genotype.parse(text);
    }
}
