package org.nas4j.ops.prims;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * PyTorch's default initialisation of convolution and linear weights: Kaiming-uniform with {@code a
 * = sqrt(5)}, which reduces to {@code U(-1/sqrt(fan_in), 1/sqrt(fan_in))}.
 *
 * <p>The fan-in of a weight is its size divided by its first dimension (output channels or units),
 * which covers {@code [out, in/groups, kh, kw]} convolution and {@code [out, in]} linear weights. A
 * bias has no fan-in of its own: {@link #bias(long)} gives the initializer for a bias whose layer
 * has the given fan-in, as PyTorch's {@code nn.Linear} does.
 */
public final class TorchDefaultInitializer implements Initializer {
    /** The initializer for weights; the fan-in is read from each weight's shape. */
    public static final TorchDefaultInitializer WEIGHTS = new TorchDefaultInitializer(-1);

    private final long fanIn;

    private TorchDefaultInitializer(long fanIn) {
        this.fanIn = fanIn;
    }

    /** The initializer for the bias of a layer with {@code fanIn} inputs per output. */
    public static TorchDefaultInitializer bias(long fanIn) {
        if (fanIn <= 0) {
            throw new IllegalArgumentException("Fan-in must be positive, got " + fanIn + ".");
        }
        return new TorchDefaultInitializer(fanIn);
    }

    /** The bound {@code 1/sqrt(fanIn)} of the uniform distribution. */
    public static float bound(long fanIn) {
        return (float) (1.0 / Math.sqrt(fanIn));
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        long fan = fanIn > 0 ? fanIn : weightFanIn(shape);
        float b = bound(fan);
        return manager.randomUniform(-b, b, shape, dataType);
    }

    private static long weightFanIn(Shape shape) {
        if (shape.dimension() < 2 || shape.get(0) <= 0) {
            throw new IllegalArgumentException(
                    "Weight shape "
                            + shape
                            + " has no fan-in; expected [out, in, ...] such as a convolution"
                            + " or linear weight.");
        }
        return Math.max(1, shape.size() / shape.get(0));
    }
}
