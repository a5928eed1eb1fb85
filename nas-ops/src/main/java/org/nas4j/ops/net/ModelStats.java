package org.nas4j.ops.net;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.List;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.ops.OpRegistry;

/**
 * Size of a network: its parameter count and its multiply-add count for one input of the desc's
 * shape.
 *
 * <p>Both are measured on the real blocks, built on a CPU manager that is closed afterwards, so
 * they agree with what {@link ModelBlock} trains. Like the DARTS papers, they count the ordinary
 * trainable weights and the inference path only: no aux tower, no architecture weights, no frozen
 * BatchNorm statistics or non-affine scale and shift.
 */
public final class ModelStats {
    private ModelStats() {}

    /** Number of trainable scalar weights of the network {@code desc} describes. */
    public static long paramCount(ModelDesc desc, OpRegistry registry) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            ModelBlock model = build(desc, registry, manager);
            long n = 0;
            for (Parameter p : model.weightsWithoutAux()) {
                n += p.getShape().size();
            }
            return n;
        }
    }

    /**
     * Multiply-adds of one inference pass on a single input of shape {@code desc.inputShape()}.
     *
     * <p>Every block that holds a weight of rank 2 (linear) or more (convolution, {@code [C_out,
     * C_in/groups, k...]}) contributes {@code weight size * output positions}, where the output
     * positions are its output elements per output channel for a batch of one; this covers grouped,
     * depthwise, strided and dilated convolutions alike. Element-wise work (BatchNorm, ReLU,
     * pooling, sums) is not counted, as in the papers.
     */
    public static long macs(ModelDesc desc, OpRegistry registry) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            ModelBlock model = build(desc, registry, manager);
            long total = 0;
            for (var child : model.getChildren()) {
                if (child.getValue() != model.auxTower()) {
                    total += macsOf(child.getValue());
                }
            }
            return total;
        }
    }

    private static ModelBlock build(ModelDesc desc, OpRegistry registry, NDManager manager) {
        List<Integer> in = desc.inputShape();
        if (in.size() != 3) {
            throw new DescFormatException(
                    "The model desc's input shape must be (C, H, W), got " + in + ".");
        }
        ModelBlock model = new ModelBlock(desc, registry);
        model.initialize(manager, DataType.FLOAT32, new Shape(1, in.get(0), in.get(1), in.get(2)));
        return model;
    }

    private static long macsOf(Block block) {
        long total = 0;
        for (Parameter p : block.getDirectParameters().values()) {
            if (p.getType() == Parameter.Type.WEIGHT && p.getShape().dimension() >= 2) {
                Shape out = block.getOutputShapes(block.getInputShapes())[0];
                long outChannels = p.getShape().get(0);
                total += p.getShape().size() * (out.size() / outChannels);
            }
        }
        for (var child : block.getChildren()) {
            total += macsOf(child.getValue());
        }
        return total;
    }
}
