package org.nas4j.core.desc;

import java.util.List;
import java.util.Objects;

/**
 * One cell: two stems on the two previous cell outputs, intermediate nodes, and a post op that
 * merges node outputs into the cell output.
 *
 * @param id position of the cell in the model
 * @param cellType regular or reduction
 * @param conv channels: {@code chIn} of the stems' output (node channels), {@code chOut} of the
 *     cell
 * @param stem0 cell stem on the first input (c_{k-2})
 * @param stem1 cell stem on the second input (c_{k-1})
 * @param nodes intermediate nodes in order
 * @param nodeChannels output channels of each node
 * @param postOp merge of node outputs ({@code concate_channels} or {@code proj_channels})
 * @param outChannels channels of the cell output
 * @param trainablesFrom id of the cell whose architecture weights this cell shares
 */
public record CellDesc(
        int id,
        CellType cellType,
        ConvMacroParams conv,
        OpDesc stem0,
        OpDesc stem1,
        List<NodeDesc> nodes,
        List<Integer> nodeChannels,
        OpDesc postOp,
        int outChannels,
        int trainablesFrom) {

    public CellDesc {
        Objects.requireNonNull(cellType, "cellType");
        Objects.requireNonNull(conv, "conv");
        Objects.requireNonNull(stem0, "stem0");
        Objects.requireNonNull(stem1, "stem1");
        Objects.requireNonNull(postOp, "postOp");
        nodes = List.copyOf(nodes);
        nodeChannels = List.copyOf(nodeChannels);
    }

    public boolean isReduction() {
        return cellType == CellType.REDUCTION;
    }

    public CellDesc withNodes(List<NodeDesc> newNodes) {
        return new CellDesc(
                id,
                cellType,
                conv,
                stem0,
                stem1,
                newNodes,
                nodeChannels,
                postOp,
                outChannels,
                trainablesFrom);
    }
}
