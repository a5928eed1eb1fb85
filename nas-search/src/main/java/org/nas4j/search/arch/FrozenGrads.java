package org.nas4j.search.arch;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Switches gradient computation off for some parameters until closed, so a backward pass computes
 * only the gradients still needed.
 *
 * <p>An architecture step needs the gradient of the architecture weights only; with the ordinary
 * weights frozen, libtorch skips every weight-gradient kernel (a convolution's backward then
 * computes only its input gradient) and keeps fewer tensors for the backward pass. Gradients
 * already stored stay untouched while frozen and are there again after {@link #close()}.
 *
 * <pre>{@code
 * try (FrozenGrads f = FrozenGrads.of(model.weights())) {
 *     ... forward and backward: only the architecture weights receive gradients ...
 * }
 * }</pre>
 *
 * <p>Change frozen parameters only outside a gradient collector, as for any update.
 */
public final class FrozenGrads implements AutoCloseable {
    private final List<NDArray> frozen;

    private FrozenGrads(List<NDArray> frozen) {
        this.frozen = frozen;
    }

    /** Freezes every initialised parameter of {@code params} that takes part in gradients now. */
    public static FrozenGrads of(List<Parameter> params) {
        List<NDArray> frozen = new ArrayList<>(params.size());
        for (Parameter p : params) {
            if (p.isInitialized()) {
                NDArray a = p.getArray();
                if (a.hasGradient()) {
                    a.setRequiresGradient(false);
                    frozen.add(a);
                }
            }
        }
        return new FrozenGrads(frozen);
    }

    /** Number of parameters this switch froze. */
    public int size() {
        return frozen.size();
    }

    /** Switches gradient computation back on for the frozen parameters. */
    @Override
    public void close() {
        for (NDArray a : frozen) {
            a.setRequiresGradient(true);
        }
    }
}
