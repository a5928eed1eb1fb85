package org.nas4j.algos.nasbench101;

import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;

/**
 * The macro structure of a NAS-Bench-101 network, read from {@code nas.eval.model_desc}: a
 * conv3x3-bn-relu stem of {@code stem_channels}, {@code n_stacks} stacks of {@code cells_per_stack}
 * cells with a 2x2 max pool and twice the channels before each stack after the first, global
 * average pooling and a dense layer (the benchmark: 128, 3, 3).
 *
 * @param stemChannels output channels of the stem, and of the cells of the first stack
 * @param nStacks number of stacks
 * @param cellsPerStack cells in each stack
 * @param bnMomentum BatchNorm momentum, the weight of the old running value (benchmark: 0.997)
 * @param nClasses number of classes ({@code dataset.n_classes})
 * @param channels input channels ({@code dataset.channels})
 * @param imgSize input height and width ({@code dataset.img_size})
 */
public record Nb101Macro(
        int stemChannels,
        int nStacks,
        int cellsPerStack,
        double bnMomentum,
        int nClasses,
        int channels,
        int imgSize) {

    /**
     * The macro structure in a {@code model_desc} section.
     *
     * @throws ConfException naming the key and file of a missing or out-of-range value
     */
    public static Nb101Macro fromConf(Conf section) {
        Conf ds = section.child("dataset");
        double momentum = section.getDouble("bn_momentum");
        if (!(momentum >= 0 && momentum < 1)) {
            throw new ConfException(
                    "Key "
                            + section.where("bn_momentum")
                            + " = "
                            + momentum
                            + " is out of range; valid: 0 <= bn_momentum < 1 (the weight of the"
                            + " old running statistics).");
        }
        return new Nb101Macro(
                atLeast(section, "stem_channels"),
                atLeast(section, "n_stacks"),
                atLeast(section, "cells_per_stack"),
                momentum,
                atLeast(ds, "n_classes"),
                atLeast(ds, "channels"),
                atLeast(ds, "img_size"));
    }

    private static int atLeast(Conf c, String key) {
        int v = c.getInt(key);
        if (v < 1) {
            throw new ConfException(
                    "Key " + c.where(key) + " = " + v + " is out of range; expected >= 1.");
        }
        return v;
    }
}
