package org.nas4j.algos.darts;

import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.builder.CellContext;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;

/**
 * The DARTS supernet: node {@code i} of every cell has a {@link MixedOp} edge from each of the
 * {@code i + 2} earlier states (the two cell inputs and nodes 0..i-1); edges reading the cell
 * inputs of a reduction cell have stride 2. The mixed ops' primitives come from {@code
 * model_desc.primitives}. Other algorithms of the family put their own searchable op on the same
 * edges: {@code new DartsModelDescBuilder("xnas_op")}.
 */
public class DartsModelDescBuilder extends ModelDescBuilder {
    private final String edgeOp;

    /** The DARTS supernet with a {@code mixed_op} on every edge. */
    public DartsModelDescBuilder() {
        this(MixedOp.NAME);
    }

    /**
     * The DARTS cell with the searchable op {@code edgeOp} on every edge, its {@code primitives}
     * parameter listing {@code model_desc.primitives}.
     */
    public DartsModelDescBuilder(String edgeOp) {
        this.edgeOp = edgeOp;
    }

    @Override
    protected List<NodeDesc> buildNodes(CellContext ctx) {
        List<String> primitives = ctx.params().extraStringList(MixedEdgeReader.PRIMITIVES, null);
        ConvMacroParams conv = ConvMacroParams.of(ctx.nodeCh());
        List<NodeDesc> nodes = new ArrayList<>();
        for (int i = 0; i < ctx.params().nNodes(); i++) {
            List<EdgeDesc> edges = new ArrayList<>();
            for (int j = 0; j < i + 2; j++) {
                int stride = ctx.isReduction() && j < 2 ? 2 : 1;
                OpDesc op =
                        OpDesc.of(edgeOp, conv, stride, ctx.affine())
                                .withParam(MixedEdgeReader.PRIMITIVES, primitives);
                edges.add(EdgeDesc.of(op, j));
            }
            nodes.add(new NodeDesc(edges, conv));
        }
        return nodes;
    }
}
