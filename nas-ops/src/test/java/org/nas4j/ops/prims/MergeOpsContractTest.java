package org.nas4j.ops.prims;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.OpDesc;

/** Merges over three states; {@code multi_op} sums a convolution, a pool and a skip. */
class MergeOpsContractTest extends OpContractTest {
    static final List<String> NAMES = List.of("concate_channels", "proj_channels", "multi_op");

    @Override
    List<String> opNames() {
        return NAMES;
    }

    @Override
    int[] strides(String name) {
        return name.equals("multi_op") ? new int[] {1, 2} : new int[] {1};
    }

    @Override
    OpDesc desc(String name, int stride, boolean affine) {
        OpDesc d = super.desc(name, stride, affine).withInLen(3);
        if (!name.equals("multi_op")) {
            return d.withParam("out_states", 2);
        }
        ConvMacroParams c = ConvMacroParams.of(C_IN);
        List<OpDesc> children =
                List.of(
                        OpDesc.of("sep_conv_3x3", c, stride, affine),
                        OpDesc.of("max_pool_3x3", c, stride, affine),
                        OpDesc.of("skip_connect", c, stride, affine));
        return d.withChildren(children, List.of(List.of(0), List.of(1), List.of(2)));
    }

    @Override
    NDList inputs(NDManager manager, String name, long h) {
        Shape s = new Shape(BATCH, C_IN, h, h);
        return OpTests.randn(manager, s, s, s);
    }

    @Override
    long expectedHeight(String name, int stride, long h) {
        return PrimShapes.strided(h, stride);
    }
}
