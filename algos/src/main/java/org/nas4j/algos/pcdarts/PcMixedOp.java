package org.nas4j.algos.pcdarts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nas4j.algos.darts.MixedOp;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.OpContext;

/**
 * A PC-DARTS edge: the first {@code C/k} channels go through a DARTS {@link MixedOp} built with
 * {@code C/k} channels, the other channels bypass it (through a 2x2 max pool of stride 2 on a
 * stride-2 edge), the two parts are concatenated and shuffled in {@code k} groups ({@link
 * ChannelShuffle}), and the result is scaled by this edge's share of its node, {@code
 * softmax(beta)[edge]} over the node's edges (edge normalisation).
 *
 * <p>Parameters: {@code primitives} (as for {@code mixed_op}), {@code k} and {@code node_edges}
 * (the number of edges of the node, whose betas the softmax runs over). The alphas live under
 * {@code <edge key>.alphas} and the edge's beta under {@code <edge key>.beta}, so a saved search
 * desc carries each edge's beta beside its alphas and a finalizer can redo the node's softmax.
 */
public final class PcMixedOp extends AbstractBlock {
    /** Registry name. */
    public static final String NAME = "pc_mixed_op";

    /** Parameter: the channel divisor, 1/k of the channels go through the mixed op. */
    public static final String K = "k";

    /** Parameter: number of edges of the node this edge enters. */
    public static final String NODE_EDGES = "node_edges";

    /** Trainable name of an edge's normalisation weight (one value). */
    public static final String BETA = "beta";

    private static final Pattern EDGE_KEY = Pattern.compile("(.*)\\.edge(\\d+)");

    private final int k;
    private final int stride;
    private final int edgeIndex;
    private final MixedOp mixed;
    private final List<Parameter> nodeBetas = new ArrayList<>();

    /** Builds the partial mixed op of {@code desc}; {@code ctx.archKey()} names an edge. */
    public PcMixedOp(OpDesc desc, OpContext ctx) {
        k = desc.intParam(K, 0);
        int channels = desc.conv().chIn();
        if (k < 1 || channels % k != 0 || desc.conv().chOut() != channels) {
            throw new NasException(
                    "A pc_mixed_op needs equal input and output channels that are a multiple of its"
                            + " parameter 'k'; got "
                            + desc.conv()
                            + " with k = "
                            + desc.params().get(K)
                            + ".");
        }
        stride = desc.stride();
        int nodeEdges = desc.intParam(NODE_EDGES, 0);
        Matcher m = EDGE_KEY.matcher(ctx.archKey());
        if (!m.matches() || Integer.parseInt(m.group(2)) >= nodeEdges) {
            throw new NasException(
                    "A pc_mixed_op is built for an edge key like 'cell0.node1.edge2' below its"
                            + " parameter 'node_edges' ("
                            + desc.params().get(NODE_EDGES)
                            + "), but its key is '"
                            + ctx.archKey()
                            + "'.");
        }
        edgeIndex = Integer.parseInt(m.group(2));
        int part = channels / k;
        OpDesc inner = desc.withName(MixedOp.NAME).withConv(new ConvMacroParams(part, part));
        mixed = addChildBlock("mixed", new MixedOp(inner, ctx));
        for (int j = 0; j < nodeEdges; j++) {
            String key = m.group(1) + ".edge" + j + "." + BETA;
            nodeBetas.add(
                    ctx.archParams().getOrCreate(key, new Shape(1), new NormalInitializer(1e-3f)));
        }
    }

    /** The DARTS mixed op on the partial channels. */
    public MixedOp mixed() {
        return mixed;
    }

    /** This edge's beta. */
    public Parameter beta() {
        return nodeBetas.get(edgeIndex);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        long part = x.getShape().get(1) / k;
        NDArray head = k == 1 ? x : x.get(new NDIndex(":, :{}", part));
        NDArray out = mixed.forward(ps, new NDList(head), training, params).head();
        if (k > 1) {
            NDArray rest = x.get(new NDIndex(":, {}:", part));
            if (stride == 2) {
                rest =
                        Pool.maxPool2d(
                                rest, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), true);
            }
            out = ChannelShuffle.shuffle(out.concat(rest, 1), k);
        }
        return new NDList(out.mul(edgeWeight(ps, x, training)));
    }

    /** {@code softmax(betas of the node)[edgeIndex]}, owned by the step's manager. */
    private NDArray edgeWeight(ParameterStore ps, NDArray x, boolean training) {
        NDList betas = new NDList(nodeBetas.size());
        for (Parameter b : nodeBetas) {
            betas.add(ps.getValue(b, x.getDevice(), training));
        }
        // Computed from parameters, so it lands in the model's manager: move it to the step's
        // (reshape, not the parameter itself, when the node has one edge).
        NDArray all = nodeBetas.size() == 1 ? betas.head().reshape(1) : NDArrays.concat(betas);
        all.attach(x.getManager());
        return all.softmax(0).get(edgeIndex);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape out = mixed.getOutputShapes(new Shape[] {partial(in)})[0];
        return new Shape[] {new Shape(out.get(0), in.get(1), out.get(2), out.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
        mixed.initialize(manager, dataType, partial(inputs[0]));
    }

    private Shape partial(Shape in) {
        return new Shape(in.get(0), in.get(1) / k, in.get(2), in.get(3));
    }
}
