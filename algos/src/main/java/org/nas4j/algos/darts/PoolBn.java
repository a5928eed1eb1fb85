package org.nas4j.algos.darts;

import ai.djl.nn.Block;
import java.util.Set;
import org.nas4j.ops.prims.ChainOp;
import org.nas4j.ops.prims.Layers;

/**
 * A pool primitive of a searchable edge followed by BatchNorm (non-affine in search), as DARTS' and
 * Archai's search edges build their pools: without it a pool's output keeps its input's scale while
 * every convolution primitive ends in a BatchNorm, and the softmax weights compare outputs of
 * different scales. Only the search edge has it; the finalized cell's pool is the plain op.
 */
public final class PoolBn extends ChainOp {
    /** The primitives that get the BatchNorm. */
    public static final Set<String> POOLS = Set.of("max_pool_3x3", "avg_pool_3x3");

    /** {@code pool} followed by a BatchNorm, learnable when {@code affine}. */
    public PoolBn(Block pool, boolean affine) {
        add("pool", pool);
        add("bn", Layers.bn(affine));
    }
}
