package org.nas4j.ops.prims;

import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.OpDesc;

/**
 * {@code concate_channels}, the cell output of DARTS: takes every state of the cell as input and
 * concatenates the last {@code out_states} of them (param, default all) on channels.
 */
public final class ConcateChannels extends AbstractBlock {
    private final String name;
    private final int outStates;

    /** The concatenation of {@code desc}; reads param {@code out_states}. */
    public ConcateChannels(OpDesc desc) {
        this.name = desc.name();
        this.outStates = desc.intParam("out_states", -1);
        if (desc.params().containsKey("out_states") && outStates < 1) {
            throw new NasException(
                    "Op '"
                            + name
                            + "' has param out_states="
                            + desc.params().get("out_states")
                            + "; it must be a positive number of states.");
        }
    }

    /** How many of the last inputs are merged, given {@code n} inputs. */
    int mergedCount(int n) {
        int k = outStates < 0 ? n : outStates;
        if (k > n) {
            throw new NasException(
                    "Op '"
                            + name
                            + "' merges the last "
                            + k
                            + " states (param out_states) but received "
                            + n
                            + " inputs; in_len must be at least out_states.");
        }
        return k;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        int k = mergedCount(inputs.size());
        NDList last = inputs.subNDList(inputs.size() - k);
        return new NDList(k == 1 ? last.head() : NDArrays.concat(last, 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        int k = mergedCount(inputShapes.length);
        Shape first = inputShapes[inputShapes.length - k];
        long channels = 0;
        for (int i = inputShapes.length - k; i < inputShapes.length; i++) {
            channels += inputShapes[i].get(1);
        }
        long[] dims = first.getShape().clone();
        dims[1] = channels;
        return new Shape[] {new Shape(dims)};
    }
}
