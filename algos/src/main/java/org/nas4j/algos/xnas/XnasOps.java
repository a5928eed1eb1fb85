package org.nas4j.algos.xnas;

import org.nas4j.ops.OpProvider;
import org.nas4j.ops.OpRegistry;

/** The XNAS searchable op, {@code xnas_op}, with the reader that finalizes its edges. */
public final class XnasOps implements OpProvider {
    @Override
    public void registerOps(OpRegistry registry) {
        registry.registerSearchable(
                XnasOp.NAME,
                "XNAS edge: mixture of the listed primitives weighted by exponentiated-gradient"
                        + " experts",
                XnasOp::new,
                new XnasEdgeReader());
    }
}
