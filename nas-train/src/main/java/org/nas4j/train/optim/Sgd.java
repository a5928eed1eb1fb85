package org.nas4j.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import org.nas4j.core.NasException;

/**
 * Stochastic gradient descent with PyTorch's update rule ({@code torch.optim.SGD}, dampening 0).
 *
 * <p>With gradient {@code g}, weight decay {@code wd}, momentum {@code m}: {@code d = g + wd*w};
 * {@code buf = m*buf + d} (the first step gives {@code buf = d}); {@code d = d + m*buf} with
 * Nesterov, else {@code d = buf}; {@code w = w - lr*d}. Unlike DJL's SGD the learning rate stays
 * outside the buffer, so a changing schedule behaves as in PyTorch.
 */
public final class Sgd extends AbstractOptimizer {
    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;

    /**
     * @param momentum momentum factor, 0 for plain SGD
     * @param nesterov Nesterov momentum (needs momentum &gt; 0)
     * @param weightDecay L2 penalty added to the gradient
     */
    public Sgd(double momentum, boolean nesterov, double weightDecay) {
        if (momentum < 0 || weightDecay < 0) {
            throw new NasException(
                    "SGD momentum ("
                            + momentum
                            + ") and weight decay ("
                            + weightDecay
                            + ") must not be negative.");
        }
        if (nesterov && momentum == 0) {
            throw new NasException("Nesterov momentum needs a momentum above 0; it is 0.");
        }
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
    }

    @Override
    public String type() {
        return "sgd";
    }

    /** The momentum factor. */
    public double momentum() {
        return momentum;
    }

    /** Whether Nesterov momentum is used. */
    public boolean nesterov() {
        return nesterov;
    }

    /** The L2 penalty added to the gradient. */
    public double weightDecay() {
        return weightDecay;
    }

    /**
     * The momentum buffer of {@code p} as PyTorch keeps it ({@code momentum_buffer}), or {@code
     * null} without momentum or before {@code p}'s first update. It belongs to the optimizer: read
     * it (DARTS' unrolled step uses it), never close or keep it.
     */
    public NDArray momentumBuffer(Parameter p) {
        NDArray[] b = buffers(p);
        return b == null || b.length == 0 ? null : b[0];
    }

    @Override
    protected int buffersPerParam() {
        return momentum == 0 ? 0 : 1;
    }

    @Override
    protected void update(NDArray weight, NDArray grad, Slot slot, double lr, NDManager scratch) {
        NDArray d = weightDecay == 0 ? grad : own(weight.mul(weightDecay), scratch).addi(grad);
        if (momentum != 0) {
            NDArray buf = slot.buffers[0];
            buf.muli(momentum).addi(d);
            d = nesterov ? own(buf.mul(momentum), scratch).addi(d) : buf;
        }
        weight.subi(own(d.mul(lr), scratch));
    }
}
