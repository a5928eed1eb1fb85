package org.nas4j.ops.prims;

import java.util.List;

class StemOpsContractTest extends OpContractTest {
    static final List<String> NAMES =
            List.of(
                    "prepr_normal",
                    "prepr_reduce",
                    "stem_conv3x3",
                    "stem_conv3x3_relu",
                    "stem_conv3x3_s4",
                    "stem_conv3x3_s4s2");

    @Override
    List<String> opNames() {
        return NAMES;
    }

    @Override
    int[] strides(String name) {
        return name.startsWith("stem_conv3x3_s4") ? new int[] {1} : new int[] {1, 2};
    }

    @Override
    long expectedHeight(String name, int stride, long h) {
        return switch (name) {
            case "prepr_reduce", "stem_conv3x3_s4s2" -> PrimShapes.strided(h, 2);
            case "stem_conv3x3_s4" -> PrimShapes.strided(PrimShapes.strided(h, 2), 2);
            default -> PrimShapes.strided(h, stride);
        };
    }
}
