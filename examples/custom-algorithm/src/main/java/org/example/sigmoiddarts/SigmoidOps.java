package org.example.sigmoiddarts;

import org.nas4j.ops.OpProvider;
import org.nas4j.ops.OpRegistry;

/** Registers {@code sigmoid_mixed_op} with the reader that finalizers and reports use. */
public final class SigmoidOps implements OpProvider {
    @Override
    public void registerOps(OpRegistry registry) {
        registry.registerSearchable(
                SigmoidMixedOp.NAME,
                "sigmoid_darts edge: sum of the listed primitives, each weighted by sigmoid(alpha)",
                SigmoidMixedOp::new,
                new SigmoidEdgeReader());
    }
}
