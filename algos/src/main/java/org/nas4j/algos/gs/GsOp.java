package org.nas4j.algos.gs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.algos.darts.EdgePrimitives;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.OpContext;
import org.nas4j.ops.ParallelOp;

/**
 * A Gumbel-softmax edge ({@code gs_op}): the sum of the primitives weighted by this edge's slice of
 * its node's sample (see {@link GsNode}); the slice follows the order of the {@code primitives}
 * parameter (Archai sliced in sorted order, a defect).
 *
 * <p>Op parameters: {@code primitives}, {@code edge_index} (this edge's position in its node),
 * {@code node_edges} (edges of the node), {@code num_sample} and {@code hard} (see {@link
 * GumbelSampler}). The architecture key {@code <node>.edge<j>} names the node by its prefix.
 */
public final class GsOp extends AbstractBlock implements ParallelOp {
    /** Registry name. */
    public static final String NAME = "gs_op";

    private final List<String> primitives;
    private final List<Integer> computed = new ArrayList<>();
    private final int edgeIndex;
    private final GsNode node;

    /** Builds the primitives of {@code desc} and joins (or creates) its node. */
    public GsOp(OpDesc desc, OpContext ctx) {
        primitives = desc.stringListParam(GsEdgeReader.PRIMITIVES);
        edgeIndex = desc.intParam(GsEdgeReader.EDGE_INDEX, 0);
        int nodeEdges = desc.intParam(GsEdgeReader.NODE_EDGES, 1);
        if (primitives.isEmpty() || edgeIndex < 0 || edgeIndex >= nodeEdges) {
            throw new NasException(
                    "A gs_op needs a non-empty 'primitives' list and 0 <= edge_index < node_edges;"
                            + " got "
                            + primitives
                            + ", edge_index "
                            + edgeIndex
                            + ", node_edges "
                            + nodeEdges
                            + ".");
        }
        computed.addAll(EdgePrimitives.build(desc, ctx, primitives, NAME, this::addChildBlock));
        String suffix = ".edge" + edgeIndex;
        String key = ctx.archKey();
        String nodeKey =
                key.endsWith(suffix) ? key.substring(0, key.length() - suffix.length()) : key;
        node =
                GsNode.of(
                        ctx.archParams(),
                        nodeKey,
                        nodeEdges,
                        primitives.size(),
                        desc.intParam(GsEdgeReader.NUM_SAMPLE, 1),
                        desc.boolParam(GsEdgeReader.HARD, true));
    }

    /** The node this edge belongs to. */
    public GsNode node() {
        return node;
    }

    /** The primitive names, in the order of this edge's slice. */
    public List<String> primitives() {
        return primitives;
    }

    /** This edge's op weights for the current pass, shape {@code [primitives]}. */
    NDArray weights(ParameterStore ps, NDArray like, boolean training) {
        long from = (long) edgeIndex * primitives.size();
        return node.sample(ps, like, training)
                .get(new NDIndex("{}:{}", from, from + primitives.size()));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        NDArray w = weights(ps, x, training);
        NDList outs = new NDList(computed.size());
        for (Block child : getChildren().values()) {
            outs.add(child.forward(ps, inputs, training, params).head());
        }
        NDArray stacked = NDArrays.stack(outs);
        NDArray used =
                computed.size() == primitives.size()
                        ? w
                        : w.get(
                                x.getManager()
                                        .create(
                                                computed.stream()
                                                        .mapToLong(Integer::longValue)
                                                        .toArray()));
        Shape bshape = new Shape(computed.size(), 1, 1, 1, 1);
        return new NDList(stacked.mul(used.reshape(bshape)).sum(new int[] {0}));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return getChildren().values().get(0).getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
        for (Block child : getChildren().values()) {
            child.initialize(manager, dataType, shapes);
        }
    }
}
