package org.nas4j.core.desc;

import java.util.List;
import java.util.Objects;

/**
 * An intermediate node of a cell: the sum of its edges' outputs.
 *
 * @param edges incoming edges
 * @param conv channels of the node's inputs and output
 */
public record NodeDesc(List<EdgeDesc> edges, ConvMacroParams conv) {
    public NodeDesc {
        edges = List.copyOf(edges);
        Objects.requireNonNull(conv, "conv");
    }

    public NodeDesc withEdges(List<EdgeDesc> newEdges) {
        return new NodeDesc(newEdges, conv);
    }
}
