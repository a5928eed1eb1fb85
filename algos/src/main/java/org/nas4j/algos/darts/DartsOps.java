package org.nas4j.algos.darts;

import org.nas4j.ops.OpProvider;
import org.nas4j.ops.OpRegistry;

/** The DARTS searchable op, {@code mixed_op}, with the reader that finalizes its edges. */
public final class DartsOps implements OpProvider {
    @Override
    public void registerOps(OpRegistry registry) {
        registry.registerSearchable(
                MixedOp.NAME,
                "DARTS edge: softmax(alphas)-weighted sum of the listed primitives",
                MixedOp::new,
                new MixedEdgeReader());
    }
}
