package org.nas4j.ops.prims;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.OpDesc;

/** The identity op ({@code identity}, and {@code skip_connect} at stride 1): returns its input. */
public final class Identity extends AbstractBlock {

    /** An identity for {@code desc}, which must keep channels and have stride 1. */
    public Identity(OpDesc desc) {
        if (desc.stride() != 1 || desc.conv().chIn() != desc.conv().chOut()) {
            throw new NasException(
                    "Op '"
                            + desc.name()
                            + "' as identity needs stride 1 and ch_in == ch_out, got stride "
                            + desc.stride()
                            + ", ch_in "
                            + desc.conv().chIn()
                            + ", ch_out "
                            + desc.conv().chOut()
                            + "; use skip_connect at stride 2 for a reducing skip.");
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(inputs.head());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
