package org.nas4j.ops.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.prims.ChainOp;
import org.nas4j.ops.prims.Layers;
import org.nas4j.ops.prims.PrimShapes;

/**
 * The op {@code resnet_basic_block}: the basic block of ResNet-18 and -34 (He et al., "Deep
 * Residual Learning for Image Recognition", CVPR 2016, arXiv:1512.03385), as CIFAR ResNets build
 * it: 3x3 conv (the op's stride), BN, ReLU, 3x3 conv, BN, plus the shortcut, then ReLU. The
 * shortcut is the identity when the block keeps channels and size, else a 1x1 convolution at the
 * op's stride followed by BN (the projection shortcut, option B of the paper).
 *
 * <p>Convolutions have no bias; {@code ch_in} and {@code ch_out} come from the desc. Parameters:
 * {@code 9 ch_in ch_out + 9 ch_out^2 + 4 ch_out}, plus {@code ch_in ch_out + 2 ch_out} with a
 * projection (BN scale and shift counted when affine).
 */
public final class ResNetBasicBlock extends AbstractBlock {
    private final String name;
    private final int chIn;
    private final ChainOp residual;
    private final ChainOp projection;

    /** The block of {@code desc}: {@code ch_in -> ch_out} at stride 1 or 2. */
    public ResNetBasicBlock(OpDesc desc) {
        this.name = desc.name();
        this.chIn = desc.conv().chIn();
        int chOut = desc.conv().chOut();
        int stride = PrimShapes.requireStride(desc.stride(), name);
        this.residual = addChildBlock("residual", new Residual(chOut, stride, desc.affine()));
        this.projection =
                stride == 1 && chIn == chOut
                        ? null
                        : addChildBlock("shortcut", new Projection(chOut, stride, desc.affine()));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        NDArray out = residual.forward(ps, inputs, training, params).head();
        NDArray shortcut =
                projection == null ? x : projection.forward(ps, inputs, training, params).head();
        // out is this block's own array: adding in place saves a feature map per block
        return new NDList(Activation.relu(out.addi(shortcut)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
        PrimShapes.requireNchw(inputs[0], name + " input");
        if (inputs[0].get(1) != chIn) {
            throw new NasException(
                    "Op '"
                            + name
                            + "' has ch_in "
                            + chIn
                            + " but its input has "
                            + inputs[0].get(1)
                            + " channels.");
        }
        residual.initialize(manager, dataType, inputs);
        if (projection != null) {
            projection.initialize(manager, dataType, inputs);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return residual.getOutputShapes(inputShapes);
    }

    /** conv 3x3 (stride), BN, ReLU, conv 3x3, BN. */
    private static final class Residual extends ChainOp {
        Residual(int chOut, int stride, boolean affine) {
            add("conv1", Layers.conv(chOut, 3, stride));
            add("bn1", Layers.bn(affine));
            add("relu", Layers.relu());
            add("conv2", Layers.conv(chOut, 3, 1));
            add("bn2", Layers.bn(affine));
        }
    }

    /** conv 1x1 (stride), BN. */
    private static final class Projection extends ChainOp {
        Projection(int chOut, int stride, boolean affine) {
            add("conv", Layers.conv(chOut, 1, stride));
            add("bn", Layers.bn(affine));
        }
    }
}
