package org.nas4j.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.nas4j.core.NasException;

/**
 * Adam with PyTorch's update rule ({@code torch.optim.Adam}, no AMSGrad): weight decay is an L2
 * term added to the gradient (not AdamW's decoupled decay), and both moments are bias-corrected.
 *
 * <p>{@code g = grad + wd*w}; {@code m = b1*m + (1-b1)*g}; {@code v = b2*v + (1-b2)*g^2}; {@code w
 * = w - lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps)}, with {@code t} the parameter's update
 * count.
 */
public final class Adam extends AbstractOptimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;

    /**
     * @param beta1 decay of the first moment
     * @param beta2 decay of the second moment
     * @param eps added to the denominator (PyTorch default 1e-8)
     * @param weightDecay L2 penalty added to the gradient
     */
    public Adam(double beta1, double beta2, double eps, double weightDecay) {
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
            throw new NasException(
                    "Adam betas must lie in [0, 1); they are [" + beta1 + ", " + beta2 + "].");
        }
        if (eps < 0 || weightDecay < 0) {
            throw new NasException(
                    "Adam eps ("
                            + eps
                            + ") and weight decay ("
                            + weightDecay
                            + ") must not be negative.");
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    @Override
    public String type() {
        return "adam";
    }

    @Override
    protected int buffersPerParam() {
        return 2;
    }

    @Override
    protected void update(NDArray weight, NDArray grad, Slot slot, double lr, NDManager scratch) {
        NDArray g = weightDecay == 0 ? grad : own(weight.mul(weightDecay), scratch).addi(grad);
        NDArray m = slot.buffers[0];
        NDArray v = slot.buffers[1];
        m.muli(beta1).addi(own(g.mul(1 - beta1), scratch));
        v.muli(beta2).addi(own(g.square(), scratch).muli(1 - beta2));
        double bc1 = 1 - Math.pow(beta1, slot.step);
        double bc2 = 1 - Math.pow(beta2, slot.step);
        NDArray denom = own(v.sqrt(), scratch).divi(Math.sqrt(bc2)).addi(eps);
        weight.subi(own(m.div(denom), scratch).muli(lr / bc1));
    }
}
