package org.nas4j.algos.nasbench101;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.OpDesc;

/**
 * The benchmark's max pools, with TensorFlow's {@code 'same'} padding: {@code maxpool3x3} (a 3x3
 * window at stride 1, the vertex op) and {@code nb101_downsample} (a 2x2 window at stride 2 between
 * stacks; an odd size rounds up, as {@code 'same'} does). Both keep the channels.
 */
final class Nb101Pool extends AbstractBlock {
    private final int k;
    private final int stride;

    private Nb101Pool(OpDesc desc, int k, int stride) {
        if (desc.conv().chIn() != desc.conv().chOut() || desc.stride() != stride) {
            throw new NasException(
                    "Op '"
                            + desc.name()
                            + "' keeps the channels at stride "
                            + stride
                            + "; got ch_in "
                            + desc.conv().chIn()
                            + ", ch_out "
                            + desc.conv().chOut()
                            + ", stride "
                            + desc.stride()
                            + ".");
        }
        this.k = k;
        this.stride = stride;
    }

    /** {@code maxpool3x3}. */
    static Nb101Pool maxPool3x3(OpDesc desc) {
        return new Nb101Pool(desc, 3, 1);
    }

    /** {@code nb101_downsample}. */
    static Nb101Pool downsample(OpDesc desc) {
        return new Nb101Pool(desc, 2, 2);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        int pad = stride == 1 ? k / 2 : 0;
        return new NDList(
                Pool.maxPool2d(
                        inputs.head(),
                        new Shape(k, k),
                        new Shape(stride, stride),
                        new Shape(pad, pad),
                        stride > 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), ceil(in.get(2)), ceil(in.get(3)))};
    }

    private long ceil(long size) {
        return (size + stride - 1) / stride;
    }
}
