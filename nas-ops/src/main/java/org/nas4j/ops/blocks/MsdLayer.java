package org.nas4j.ops.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.prims.Layers;
import org.nas4j.ops.prims.PrimShapes;

/**
 * The op {@code msd_layer}: one layer of a mixed-scale dense network (Pelt and Sethian, "A
 * mixed-scale dense convolutional neural network for image analysis", PNAS 115(2):254-259, 2018).
 * It reads every earlier feature map of the network ({@code in_len} inputs) and computes {@code
 * ReLU(conv3x3_dilated(concat(inputs)) + b)} with {@code ch_out} channels (the network's width),
 * dilation from param {@code dilation} (default 1), stride 1 and zero padding that keeps the size.
 *
 * <p>The concatenation is never built. A convolution is linear in its input, so the convolution of
 * the concatenation equals the sum of one convolution per input with that input's slice of the
 * kernel; the layer sums those, in place, and closes each term once added. A network of depth
 * {@code d} then holds each feature map once (and what autograd saves of it) instead of a growing
 * copy of the stack per layer: its memory grows linearly with depth, not quadratically. The work is
 * the same as the concatenated convolution's.
 *
 * <p>Parameters: {@code 9 ch_in ch_out} kernel weights ({@code ch_in} = all inputs' channels) and
 * {@code ch_out} biases, as in the paper. Weights are drawn from {@code N(0, 2 / (9 ch_in))} (the
 * paper's normal initialisation with the layer's incoming connections), biases start at zero. There
 * is no BatchNorm, as in the paper.
 */
public final class MsdLayer extends AbstractBlock {
    private final String name;
    private final int chIn;
    private final int chOut;
    private final List<Conv2d> convs = new ArrayList<>();
    private final Parameter bias;

    /** The layer of {@code desc}: {@code in_len} inputs of {@code ch_in} channels in all. */
    public MsdLayer(OpDesc desc) {
        this.name = desc.name();
        this.chIn = desc.conv().chIn();
        this.chOut = desc.conv().chOut();
        int dilation = desc.intParam("dilation", 1);
        if (desc.stride() != 1 || dilation < 1 || desc.inLen() < 1 || chIn < desc.inLen()) {
            throw new NasException(
                    "Op '"
                            + name
                            + "' needs stride 1, param dilation >= 1 and in_len >= 1 inputs of"
                            + " ch_in channels in all; got stride "
                            + desc.stride()
                            + ", dilation "
                            + dilation
                            + ", in_len "
                            + desc.inLen()
                            + ", ch_in "
                            + chIn
                            + ".");
        }
        float sigma = (float) Math.sqrt(2.0 / (9.0 * chIn));
        for (int j = 0; j < desc.inLen(); j++) {
            Conv2d conv = Layers.conv(chOut, 3, 3, 1, 1, dilation, 1);
            conv.setInitializer(new NormalInitializer(sigma), Parameter.Type.WEIGHT);
            convs.add(addChildBlock("conv" + j, conv));
        }
        // shaped to broadcast over [N, C, H, W], so adding it needs no op on the parameter
        this.bias =
                addParameter(
                        Parameter.builder()
                                .setName("bias")
                                .setType(Parameter.Type.BIAS)
                                .optShape(new Shape(1, chOut, 1, 1))
                                .build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray sum = null;
        for (int j = 0; j < convs.size(); j++) {
            NDList in = new NDList(inputs.get(j));
            NDArray term = convs.get(j).forward(ps, in, training, params).head();
            if (sum == null) {
                sum = term;
            } else {
                // autograd keeps what the convolution's backward needs (its input), not the term
                sum.addi(term);
                term.close();
            }
        }
        sum.addi(ps.getValue(bias, sum.getDevice(), training));
        NDArray out = Activation.relu(sum);
        sum.close(); // ReLU's backward reads its output, not this
        return new NDList(out);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
        checkInputs(inputs);
        for (int j = 0; j < convs.size(); j++) {
            convs.get(j).initialize(manager, dataType, inputs[j]);
        }
    }

    private void checkInputs(Shape[] inputs) {
        if (inputs.length != convs.size()) {
            throw new NasException(
                    "Op '"
                            + name
                            + "' was built for "
                            + convs.size()
                            + " inputs (in_len) but is given "
                            + inputs.length
                            + ".");
        }
        long channels = 0;
        for (Shape s : inputs) {
            PrimShapes.requireNchw(s, name + " input");
            if (s.get(2) != inputs[0].get(2) || s.get(3) != inputs[0].get(3)) {
                throw new NasException(
                        "Op '"
                                + name
                                + "' reads maps of different sizes: "
                                + List.of(inputs)
                                + ".");
            }
            channels += s.get(1);
        }
        if (channels != chIn) {
            throw new NasException(
                    "Op '"
                            + name
                            + "' has ch_in "
                            + chIn
                            + " but its inputs have "
                            + channels
                            + " channels in all.");
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), chOut, in.get(2), in.get(3))};
    }
}
