package org.nas4j.core.desc;

import java.util.List;
import java.util.Objects;

/**
 * One edge into a node: an op applied to the states named by {@code inputIds}.
 *
 * @param op the op on this edge
 * @param inputIds state ids (0, 1 = cell inputs; k &gt;= 2 = node k-2), usually one
 */
public record EdgeDesc(OpDesc op, List<Integer> inputIds) {
    public EdgeDesc {
        Objects.requireNonNull(op, "op");
        inputIds = List.copyOf(inputIds);
    }

    public static EdgeDesc of(OpDesc op, int inputId) {
        return new EdgeDesc(op, List.of(inputId));
    }

    public EdgeDesc withOp(OpDesc newOp) {
        return new EdgeDesc(newOp, inputIds);
    }
}
