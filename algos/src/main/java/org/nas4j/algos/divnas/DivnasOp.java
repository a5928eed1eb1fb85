package org.nas4j.algos.divnas;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.algos.darts.EdgePrimitives;
import org.nas4j.algos.darts.MixedEdgeReader;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.OpContext;
import org.nas4j.ops.ParallelOp;

/**
 * A divnas edge: DARTS' softmax-weighted mixture of primitives ({@code alphas}, read by {@link
 * MixedEdgeReader}) that can also hand each primitive's output to a {@link Recorder}, so the
 * diversity finalizer sees what every candidate computes. {@code none} is never computed.
 */
public final class DivnasOp extends AbstractBlock implements ParallelOp {
    /** Registry name. */
    public static final String NAME = "divnas_op";

    /** Receives the output of primitive {@code primitive} (index in the primitives list). */
    @FunctionalInterface
    public interface Recorder {
        /** Called during forward; {@code out} belongs to the pass's manager. */
        void record(int primitive, NDArray out);
    }

    private final List<String> primitives;
    private final List<Integer> computed = new ArrayList<>();
    private final Parameter alphas;
    private Recorder recorder;

    /** Builds the primitives of {@code desc} through the context's registry. */
    public DivnasOp(OpDesc desc, OpContext ctx) {
        primitives = desc.stringListParam(MixedEdgeReader.PRIMITIVES);
        computed.addAll(EdgePrimitives.build(desc, ctx, primitives, NAME, this::addChildBlock));
        alphas =
                ctx.archParams()
                        .getOrCreate(
                                ctx.archKey() + "." + MixedEdgeReader.ALPHAS,
                                new Shape(primitives.size()),
                                new NormalInitializer(1e-3f));
    }

    /** The primitive names, in the order of the alphas. */
    public List<String> primitives() {
        return primitives;
    }

    /** Sends each computed primitive's output to {@code r} from now on; null stops recording. */
    public void setRecorder(Recorder r) {
        this.recorder = r;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        NDArray w = ps.getValue(alphas, x.getDevice(), training).softmax(0);
        w.attach(x.getManager()); // computed from a parameter: keep it out of the model's manager
        NDList outs = new NDList(computed.size());
        List<Block> children = getChildren().values();
        for (int c = 0; c < children.size(); c++) {
            NDArray out = children.get(c).forward(ps, inputs, training, params).head();
            if (recorder != null) {
                recorder.record(computed.get(c), out);
            }
            outs.add(out);
        }
        NDArray weights = w;
        if (computed.size() != primitives.size()) {
            long[] idx = computed.stream().mapToLong(Integer::longValue).toArray();
            weights = w.get(x.getManager().create(idx));
        }
        Shape bshape = new Shape(computed.size(), 1, 1, 1, 1);
        return new NDList(NDArrays.stack(outs).mul(weights.reshape(bshape)).sum(new int[] {0}));
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
