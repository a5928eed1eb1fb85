package org.nas4j.algos.darts;

import org.nas4j.ops.OpProvider;
import org.nas4j.ops.OpRegistry;

/** Registers the DARTS ops with every standard registry (found through ServiceLoader). */
public final class DartsOps implements OpProvider {
    @Override
    public void registerOps(OpRegistry registry) {
        registry.register(
                MixedOp.NAME,
                "DARTS edge: softmax(alphas)-weighted sum of the listed primitives",
                MixedOp::new);
    }
}
