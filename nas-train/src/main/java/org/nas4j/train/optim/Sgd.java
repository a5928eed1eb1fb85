package org.nas4j.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import org.nas4j.core.NasException;

/**
 * Stochastic gradient descent with PyTorch's update rule ({@code torch.optim.SGD}, dampening 0).
 *
 * <p>With gradient {@code g}, weight decay {@code wd}, momentum {@code m}: {@code d = g + wd*w};
 * {@code buf = m*buf + d} (the first step gives {@code buf = d}); {@code d = d + m*buf} with
 * Nesterov, else {@code d = buf}; {@code w = w - lr*d}. Unlike DJL's SGD the learning rate stays
 * outside the buffer, so a changing schedule behaves as in PyTorch.
 *
 * <p>On PyTorch arrays without Nesterov, a step is one call of DJL's native SGD update instead of
 * six array operations, three of them with a number: DJL turns each number into a new tensor, on a
 * GPU a blocking host-to-device copy, which made a DARTS evaluation step wait on the GPU about a
 * thousand times. That update keeps the learning rate inside the buffer ({@code s = m*s + lr*d; w
 * -= s}); the buffer is kept as {@code s = lr_last * buf} and the momentum passed is {@code m * lr
 * / lr_last}, which gives PyTorch's rule when the learning rate changes. {@link #momentumBuffer}
 * and saved states give {@code buf}.
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
     * null} without momentum or before {@code p}'s first update: a copy in {@code scratch} while
     * this optimizer keeps it times the last learning rate, else the optimizer's own array. Read
     * it; never change, close or keep it.
     */
    public NDArray momentumBuffer(Parameter p, NDManager scratch) {
        Slot s = slotOf(p);
        return s == null || s.buffers.length == 0 ? null : stateTensor(s, 0, scratch);
    }

    /**
     * Moves {@code p}'s weight to {@code w - xi * (m * buf + grad + wd * w)}, the step this
     * optimizer would take with learning rate {@code xi} (DARTS' virtual step), leaving the
     * optimizer's state as it is.
     */
    public void virtualStep(Parameter p, NDArray grad, double xi, NDManager scratch) {
        NDArray w = p.getArray();
        Slot s = slotOf(p);
        NDArray state = s == null || s.buffers.length == 0 ? null : s.buffers[0];
        if (fused(w, grad, state) && xi != 0) {
            NDArray copy = state == null ? null : own(state.duplicate(), scratch);
            nativeStep(w, grad, copy, xi, copy == null ? 0 : momentum * xi / s.scale);
            return;
        }
        NDArray d = own(grad.duplicate(), scratch);
        if (weightDecay != 0) {
            d.addi(own(w.mul(weightDecay), scratch));
        }
        NDArray buf = state == null ? null : stateTensor(s, 0, scratch);
        if (buf != null) {
            d.addi(own(buf.mul(momentum), scratch));
        }
        w.subi(d.muli(xi));
    }

    /**
     * DJL's native update: {@code s = stateMomentum * s + lr * (g + wd * w); w -= s} ({@code s}
     * null: {@code w -= lr * (g + wd * w)}), gradient unscaled and unclipped.
     */
    private void nativeStep(NDArray w, NDArray g, NDArray s, double lr, double stateMomentum) {
        JniUtils.sgdUpdate(
                (PtNDArray) w,
                (PtNDArray) g,
                (PtNDArray) s,
                (float) lr,
                (float) weightDecay,
                1f, // rescale
                -1f, // no clipping
                (float) stateMomentum);
    }

    /** Whether DJL's native update can take these arrays (PyTorch's, no Nesterov). */
    private boolean fused(NDArray w, NDArray g, NDArray state) {
        return !nesterov
                && w instanceof PtNDArray
                && g instanceof PtNDArray
                && (state == null || state instanceof PtNDArray);
    }

    @Override
    protected int buffersPerParam() {
        return momentum == 0 ? 0 : 1;
    }

    @Override
    protected void update(NDArray weight, NDArray grad, Slot slot, double lr, NDManager scratch) {
        NDArray state = momentum == 0 ? null : slot.buffers[0];
        if (fused(weight, grad, state) && lr != 0) {
            // s = (m * lr / lr_last) * s + lr * d = lr * (m * buf + d); w -= s
            nativeStep(weight, grad, state, lr, momentum * lr / slot.scale);
            slot.scale = lr;
            return;
        }
        if (momentum != 0 && slot.scale != 1) {
            // back to buf itself for the plain rule (a zero learning rate cannot scale it)
            slot.buffers[0].divi(slot.scale);
            slot.scale = 1;
        }
        NDArray d = weightDecay == 0 ? grad : own(weight.mul(weightDecay), scratch).addi(grad);
        if (momentum != 0) {
            NDArray buf = slot.buffers[0];
            buf.muli(momentum).addi(d);
            d = nesterov ? own(buf.mul(momentum), scratch).addi(d) : buf;
        }
        weight.subi(own(d.mul(lr), scratch));
    }
}
