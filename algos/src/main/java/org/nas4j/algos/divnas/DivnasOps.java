package org.nas4j.algos.divnas;

import org.nas4j.algos.darts.MixedEdgeReader;
import org.nas4j.ops.OpProvider;
import org.nas4j.ops.OpRegistry;

/** The divnas searchable op, {@code divnas_op}, read like a DARTS mixed edge. */
public final class DivnasOps implements OpProvider {
    @Override
    public void registerOps(OpRegistry registry) {
        registry.registerSearchable(
                DivnasOp.NAME,
                "divnas edge: a DARTS mixed edge whose primitives' outputs can be recorded",
                DivnasOp::new,
                new MixedEdgeReader());
    }
}
