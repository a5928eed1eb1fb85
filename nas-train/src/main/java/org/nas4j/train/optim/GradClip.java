package org.nas4j.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import org.nas4j.ops.Scalars;

/**
 * Gradient clipping by global norm, as PyTorch's {@code clip_grad_norm_}: DJL's {@code optClipGrad}
 * only clamps values from above.
 */
public final class GradClip {
    private GradClip() {}

    /**
     * Scales the gradients of {@code params} by {@code maxNorm / (norm + 1e-6)} when their global
     * L2 norm exceeds {@code maxNorm}; {@code maxNorm <= 0} only measures.
     *
     * @return the global norm before clipping (0 when no parameter has a gradient)
     */
    public static double clipByGlobalNorm(List<Parameter> params, double maxNorm) {
        if (params.isEmpty()) {
            return 0;
        }
        try (NDManager scratch = NDManager.newBaseManager(params.get(0).getArray().getDevice())) {
            NDList grads = new NDList();
            NDList norms = new NDList();
            for (Parameter p : params) {
                NDArray g = Grads.of(p, scratch);
                if (g != null) {
                    grads.add(g);
                    norms.add(g.norm());
                }
            }
            if (grads.isEmpty()) {
                return 0;
            }
            // one host transfer for all parameters
            double total = NDArrays.stack(norms).norm().getFloat();
            if (maxNorm > 0 && total > maxNorm) {
                // one tensor for all: DJL makes a new tensor of a number on every operation
                NDArray coef = Scalars.of(scratch, grads.head(), maxNorm / (total + 1e-6));
                for (NDArray g : grads) {
                    g.muli(coef);
                }
            }
            return total;
        }
    }
}
