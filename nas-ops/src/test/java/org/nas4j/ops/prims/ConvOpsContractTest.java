package org.nas4j.ops.prims;

import java.util.List;
import org.nas4j.core.desc.OpDesc;

class ConvOpsContractTest extends OpContractTest {
    static final List<String> NAMES =
            List.of(
                    "sep_conv_3x3",
                    "sep_conv_5x5",
                    "sep_conv_7x7",
                    "dil_conv_3x3",
                    "dil_conv_5x5",
                    "conv_7x1_1x7",
                    "convbnrelu_3x3",
                    "convbnrelu_1x1",
                    "relu_conv_bn");

    @Override
    List<String> opNames() {
        return NAMES;
    }

    @Override
    OpDesc desc(String name, int stride, boolean affine) {
        OpDesc d = super.desc(name, stride, affine);
        return name.equals("relu_conv_bn") ? d.withParam("kernel", 3) : d;
    }
}
