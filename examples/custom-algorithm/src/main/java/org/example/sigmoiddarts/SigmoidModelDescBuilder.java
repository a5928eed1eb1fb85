package org.example.sigmoiddarts;

import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.builder.CellContext;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;

/**
 * The DARTS supernet with a {@link SigmoidMixedOp} on every edge: node {@code i} reads the two cell
 * inputs and nodes {@code 0..i-1}; edges from the inputs of a reduction cell have stride 2. The
 * primitives come from {@code nas.search.model_desc.primitives}.
 */
public class SigmoidModelDescBuilder extends ModelDescBuilder {
    @Override
    protected List<NodeDesc> buildNodes(CellContext ctx) {
        List<String> primitives = ctx.params().extraStringList(SigmoidMixedOp.PRIMITIVES, null);
        ConvMacroParams conv = ConvMacroParams.of(ctx.nodeCh());
        List<NodeDesc> nodes = new ArrayList<>();
        for (int i = 0; i < ctx.params().nNodes(); i++) {
            List<EdgeDesc> edges = new ArrayList<>();
            for (int j = 0; j < i + 2; j++) {
                int stride = ctx.isReduction() && j < 2 ? 2 : 1;
                OpDesc op =
                        OpDesc.of(SigmoidMixedOp.NAME, conv, stride, ctx.affine())
                                .withParam(SigmoidMixedOp.PRIMITIVES, primitives);
                edges.add(EdgeDesc.of(op, j));
            }
            nodes.add(new NodeDesc(edges, conv));
        }
        return nodes;
    }
}
