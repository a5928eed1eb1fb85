package org.nas4j.algos.gs;

import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.builder.CellContext;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;

/**
 * The Gumbel-softmax supernet: the DARTS cell (node {@code i} reads the two cell inputs and nodes
 * 0..i-1, stride 2 from the inputs of a reduction cell) with a {@link GsOp} on every edge, each
 * told its position in the node and the sampler settings.
 */
public class GsModelDescBuilder extends ModelDescBuilder {
    private final int numSample;
    private final boolean hard;

    /**
     * @param numSample Gumbel-softmax draws averaged per forward pass
     * @param hard straight-through one-hot draws
     */
    public GsModelDescBuilder(int numSample, boolean hard) {
        this.numSample = numSample;
        this.hard = hard;
    }

    @Override
    protected List<NodeDesc> buildNodes(CellContext ctx) {
        List<String> primitives = ctx.params().extraStringList(GsEdgeReader.PRIMITIVES, null);
        ConvMacroParams conv = ConvMacroParams.of(ctx.nodeCh());
        List<NodeDesc> nodes = new ArrayList<>();
        for (int i = 0; i < ctx.params().nNodes(); i++) {
            List<EdgeDesc> edges = new ArrayList<>();
            for (int j = 0; j < i + 2; j++) {
                int stride = ctx.isReduction() && j < 2 ? 2 : 1;
                OpDesc op =
                        OpDesc.of(GsOp.NAME, conv, stride, ctx.affine())
                                .withParam(GsEdgeReader.PRIMITIVES, primitives)
                                .withParam(GsEdgeReader.EDGE_INDEX, j)
                                .withParam(GsEdgeReader.NODE_EDGES, i + 2)
                                .withParam(GsEdgeReader.NUM_SAMPLE, numSample)
                                .withParam(GsEdgeReader.HARD, hard);
                edges.add(EdgeDesc.of(op, j));
            }
            nodes.add(new NodeDesc(edges, conv));
        }
        return nodes;
    }
}
