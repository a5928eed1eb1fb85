package org.nas4j.cli;

import java.util.List;
import java.util.stream.Collectors;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.OpInfo;
import org.nas4j.ops.OpRegistry;

/**
 * Checks that every op a model description names is registered, the one check of {@code nas desc
 * validate} that nas-core's validator leaves to the op registry.
 */
final class DescOpsCheck {
    private final OpRegistry registry;
    private final String source;

    private DescOpsCheck(OpRegistry registry, String source) {
        this.registry = registry;
        this.source = source;
    }

    /**
     * Fails at the first op name {@code registry} does not know.
     *
     * @throws DescFormatException naming the source, the JSON path and the registered ops
     */
    static void check(ModelDesc desc, OpRegistry registry, String source) {
        new DescOpsCheck(registry, source).model(desc);
    }

    private void model(ModelDesc d) {
        ops(d.modelStems(), "$.model.model_stems");
        List<CellDesc> cells = d.cells();
        for (int c = 0; c < cells.size(); c++) {
            String p = "$.model.cells[" + c + "]";
            CellDesc cell = cells.get(c);
            op(cell.stem0(), p + ".stem0");
            op(cell.stem1(), p + ".stem1");
            List<NodeDesc> nodes = cell.nodes();
            for (int n = 0; n < nodes.size(); n++) {
                List<EdgeDesc> edges = nodes.get(n).edges();
                for (int e = 0; e < edges.size(); e++) {
                    op(edges.get(e).op(), p + ".nodes[" + n + "].edges[" + e + "].op");
                }
            }
            op(cell.postOp(), p + ".post_op");
        }
        op(d.poolOp(), "$.model.pool_op");
        op(d.logitsOp(), "$.model.logits_op");
    }

    private void ops(List<OpDesc> ops, String path) {
        for (int i = 0; i < ops.size(); i++) {
            op(ops.get(i), path + "[" + i + "]");
        }
    }

    private void op(OpDesc op, String path) {
        if (!registry.contains(op.name())) {
            String known =
                    registry.list().stream()
                            .map(OpInfo::name)
                            .sorted()
                            .collect(Collectors.joining(", "));
            throw new DescFormatException(
                    source
                            + ": "
                            + path
                            + ".name '"
                            + op.name()
                            + "' is not a registered op. Registered ops are: "
                            + known
                            + ".");
        }
        ops(op.children(), path + ".children");
    }
}
