package org.nas4j.ops.prims;

import java.util.List;

class HeadOpsContractTest extends OpContractTest {
    static final List<String> NAMES =
            List.of("pool_adaptive_avg2d", "pool_avg2d7x7", "pool_mean_tensor", "linear");

    @Override
    List<String> opNames() {
        return NAMES;
    }

    @Override
    int[] strides(String name) {
        return new int[] {1};
    }

    @Override
    long expectedHeight(String name, int stride, long h) {
        return name.equals("linear") ? -1 : 1;
    }
}
