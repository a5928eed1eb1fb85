package org.nas4j.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;

/**
 * Gradient handles that do not leak: {@link NDArray#getGradient()} returns a new handle on every
 * call, owned by the parameter's long-lived manager, so every handle taken here is moved into a
 * short-lived manager the caller closes.
 */
public final class Grads {
    private Grads() {}

    /** Whether {@code p} has an array that takes part in gradient computation. */
    public static boolean hasGradient(Parameter p) {
        return p.isInitialized() && p.requiresGradient() && p.getArray().hasGradient();
    }

    /**
     * The gradient of {@code p} as a handle owned by {@code into}, or {@code null} when {@code p}
     * has none. The handle views the parameter's gradient storage: in-place changes reach it.
     */
    public static NDArray of(Parameter p, NDManager into) {
        if (!hasGradient(p)) {
            return null;
        }
        NDArray g = p.getArray().getGradient();
        g.attach(into);
        return g;
    }

    /** Sets the gradients of {@code params} to zero (NaN and infinities included). */
    public static void zero(List<Parameter> params, NDManager scratch) {
        for (Parameter p : params) {
            if (!hasGradient(p)) {
                continue;
            }
            NDArray a = p.getArray();
            if (a instanceof PtNDArray pt) {
                // zero_() on the stored gradient; subtracting it from itself would keep NaNs
                JniUtils.zeroGrad(pt);
            } else {
                NDArray g = of(p, scratch);
                g.muli(0);
            }
        }
    }
}
