package org.nas4j.algos.xnas;

import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.builder.CellContext;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;

/**
 * The XNAS supernet: DARTS' cell (node {@code i} has an edge from each of the {@code i + 2} earlier
 * states, stride 2 from the inputs of a reduction cell) with an {@link XnasOp} on every edge, its
 * experts the primitives of {@code model_desc.primitives}.
 */
public class XnasModelDescBuilder extends ModelDescBuilder {
    @Override
    protected List<NodeDesc> buildNodes(CellContext ctx) {
        List<String> primitives = ctx.params().extraStringList(XnasEdgeReader.PRIMITIVES, null);
        ConvMacroParams conv = ConvMacroParams.of(ctx.nodeCh());
        List<NodeDesc> nodes = new ArrayList<>();
        for (int i = 0; i < ctx.params().nNodes(); i++) {
            List<EdgeDesc> edges = new ArrayList<>();
            for (int j = 0; j < i + 2; j++) {
                int stride = ctx.isReduction() && j < 2 ? 2 : 1;
                OpDesc op =
                        OpDesc.of(XnasOp.NAME, conv, stride, ctx.affine())
                                .withParam(XnasEdgeReader.PRIMITIVES, primitives);
                edges.add(EdgeDesc.of(op, j));
            }
            nodes.add(new NodeDesc(edges, conv));
        }
        return nodes;
    }
}
