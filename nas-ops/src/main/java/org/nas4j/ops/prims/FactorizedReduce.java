package org.nas4j.ops.prims;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.Intermediates;

/**
 * Halves H and W without losing every other pixel (DARTS's {@code FactorizedReduce}): ReLU, then
 * two stride-2 1x1 convolutions, one on {@code x} and one on {@code x} shifted by one pixel, each
 * giving half of {@code ch_out}, concatenated on channels, then BatchNorm. Used as {@code
 * prepr_reduce} and as {@code skip_connect} at stride 2.
 *
 * <p>For odd H or W the shifted input is padded with zeros at the end, so both halves have {@code
 * ceil(H/2) x ceil(W/2)} pixels (7x7 gives 4x4); for even sizes that padding would never be
 * sampled, so it is skipped and the result equals DARTS's.
 */
public final class FactorizedReduce extends AbstractBlock {
    private final int chOut;
    private final Block relu;
    private final Conv2d even;
    private final Conv2d odd;
    private final BatchNorm bn;

    /** A factorized reduce from {@code desc.conv().chIn()} to {@code desc.conv().chOut()}. */
    public FactorizedReduce(OpDesc desc) {
        this.chOut = desc.conv().chOut();
        // first child: the entry ReLU, shareable with other readers of the same array
        this.relu = addChildBlock("relu", Layers.relu());
        int half = chOut / 2;
        this.even = addChildBlock("conv_even", Layers.conv(half, 1, 2));
        this.odd = addChildBlock("conv_odd", Layers.conv(chOut - half, 1, 2));
        this.bn = addChildBlock("bn", Layers.bn(desc.affine()));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = relu.forward(ps, inputs, training, params).head();
        NDArray a = even.forward(ps, new NDList(x), training, params).head();
        NDArray shifted = shifted(x);
        NDArray b = odd.forward(ps, new NDList(shifted), training, params).head();
        // libtorch keeps what the backward reads (the ReLU output, the concatenation for
        // BatchNorm); the handles of the halves and views can go now, not at the end of the step
        NDArray both = a.concat(b, 1);
        Intermediates.closeAllBut(List.of(x, shifted, a, b), List.of());
        NDList out = bn.forward(ps, new NDList(both), training, params);
        if (out.head() != both) {
            both.close();
        }
        return out;
    }

    private static NDArray shifted(NDArray x) {
        Shape s = x.getShape();
        NDArray shifted = x.get(":, :, 1:, 1:");
        long padH = s.get(2) % 2;
        long padW = s.get(3) % 2;
        if (padH == 0 && padW == 0) {
            return shifted;
        }
        // Padding pairs run from the last dimension: (W before, W after, H before, H after).
        NDArray padded = shifted.pad(new Shape(0, padW, 0, padH), 0);
        shifted.close();
        return padded;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
        Shape in = inputs[0];
        PrimShapes.requireNchw(in, "factorized reduce input");
        relu.initialize(manager, dataType, in);
        even.initialize(manager, dataType, in);
        odd.initialize(manager, dataType, in);
        bn.initialize(manager, dataType, getOutputShapes(inputs));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {PrimShapes.strided(inputShapes[0], chOut, 2)};
    }
}
