package org.nas4j.algos.pcdarts;

import org.nas4j.algos.darts.MixedEdgeReader;
import org.nas4j.ops.OpProvider;
import org.nas4j.ops.OpRegistry;

/**
 * The PC-DARTS searchable op, {@code pc_mixed_op}. Its reader is DARTS's: an edge's candidates are
 * its primitives weighted by {@code softmax(alphas)}; the node-level {@code softmax(beta)} that
 * ranks edges against each other is applied by {@link PcDartsFinalizers}.
 */
public final class PcDartsOps implements OpProvider {
    @Override
    public void registerOps(OpRegistry registry) {
        registry.registerSearchable(
                PcMixedOp.NAME,
                "PC-DARTS edge: 1/k of the channels through a softmax(alphas) mixture, the rest"
                        + " bypassed, channel shuffle, scaled by softmax(beta) over the node's edges",
                PcMixedOp::new,
                new MixedEdgeReader());
    }
}
