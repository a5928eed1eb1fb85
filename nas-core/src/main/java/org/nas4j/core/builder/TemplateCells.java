package org.nas4j.core.builder;

import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;

/** Copies the nodes of a template desc's cells into a network of other channels. */
final class TemplateCells {
    private TemplateCells() {}

    /** The template's first cell of the context's type. */
    static CellDesc first(ModelDesc template, CellContext ctx) {
        for (CellDesc c : template.cells()) {
            if (c.cellType() == ctx.cellType()) {
                return c;
            }
        }
        String wanted = ctx.isReduction() ? "reduction" : "regular";
        throw new DescFormatException(
                "The template desc has no "
                        + wanted
                        + " cell to copy into cell "
                        + ctx.cellId()
                        + " (a "
                        + wanted
                        + " cell); a template needs at least one cell of each type the network"
                        + " uses.");
    }

    static List<NodeDesc> copyNodes(CellContext ctx, CellDesc templateCell) {
        ConvMacroParams conv = ConvMacroParams.of(ctx.nodeCh());
        List<NodeDesc> nodes = new ArrayList<>();
        for (NodeDesc node : templateCell.nodes()) {
            List<EdgeDesc> edges = new ArrayList<>();
            for (EdgeDesc e : node.edges()) {
                // only edges from the cell inputs reduce: nodes already have the reduced size
                boolean fromInput = e.inputIds().stream().anyMatch(id -> id < 2);
                int stride = ctx.isReduction() && fromInput ? 2 : 1;
                edges.add(new EdgeDesc(rewrite(e.op(), conv, stride, ctx.affine()), e.inputIds()));
            }
            nodes.add(new NodeDesc(edges, conv));
        }
        return nodes;
    }

    private static OpDesc rewrite(OpDesc op, ConvMacroParams conv, int stride, boolean affine) {
        List<OpDesc> children = new ArrayList<>();
        for (OpDesc child : op.children()) {
            children.add(rewrite(child, conv, stride, affine));
        }
        return op.withConv(conv)
                .withStride(stride)
                .withAffine(affine)
                .withChildren(children, op.childrenIns());
    }
}
