package org.nas4j.core.builder;

import org.nas4j.core.desc.CellType;

/**
 * What a {@link ModelDescBuilder} hook knows about the cell being built.
 *
 * @param cellId position of the cell in the model
 * @param cellType regular or reduction
 * @param nodeCh channels of every node (and of the cell stems' outputs)
 * @param inputFromReduction whether the previous cell was a reduction cell, so that the first input
 *     c_{k-2} has twice the spatial size of the second
 * @param ch0In channels of the first input c_{k-2}
 * @param ch1In channels of the second input c_{k-1}
 * @param inputSize height and width of the second input c_{k-1}
 * @param trainablesFrom id of the first cell of the same type, whose architecture weights this
 *     cell shares
 * @param affine whether BatchNorm layers are affine (evaluation) or not (search)
 * @param params the model_desc conf section
 */
public record CellContext(
        int cellId,
        CellType cellType,
        int nodeCh,
        boolean inputFromReduction,
        int ch0In,
        int ch1In,
        int inputSize,
        int trainablesFrom,
        boolean affine,
        ModelDescParams params) {

    /** Whether this is a reduction cell (its edges from the cell inputs use stride 2). */
    public boolean isReduction() {
        return cellType == CellType.REDUCTION;
    }
}
