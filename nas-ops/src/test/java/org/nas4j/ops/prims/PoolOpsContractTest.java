package org.nas4j.ops.prims;

import java.util.List;

/** Pools with a channel change, so the 1x1 projection is covered too. */
class PoolOpsContractTest extends OpContractTest {
    static final List<String> NAMES = List.of("max_pool_3x3", "avg_pool_3x3");

    @Override
    List<String> opNames() {
        return NAMES;
    }
}
