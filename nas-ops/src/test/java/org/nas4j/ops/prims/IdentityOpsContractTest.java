package org.nas4j.ops.prims;

import java.util.List;

class IdentityOpsContractTest extends OpContractTest {
    static final List<String> NAMES = List.of("none", "skip_connect", "identity");

    @Override
    List<String> opNames() {
        return NAMES;
    }

    @Override
    int chOut(String name) {
        return name.equals("none") ? 6 : C_IN;
    }

    @Override
    int[] strides(String name) {
        return name.equals("identity") ? new int[] {1} : new int[] {1, 2};
    }
}
