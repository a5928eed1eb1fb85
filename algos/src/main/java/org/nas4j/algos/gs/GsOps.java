package org.nas4j.algos.gs;

import org.nas4j.ops.OpProvider;
import org.nas4j.ops.OpRegistry;

/** The Gumbel-softmax searchable op, {@code gs_op}, with its edge reader. */
public final class GsOps implements OpProvider {
    @Override
    public void registerOps(OpRegistry registry) {
        registry.registerSearchable(
                GsOp.NAME,
                "Gumbel-softmax edge: primitives weighted by its slice of the node's sample",
                GsOp::new,
                new GsEdgeReader());
    }
}
