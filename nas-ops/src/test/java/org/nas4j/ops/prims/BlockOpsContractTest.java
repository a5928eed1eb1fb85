package org.nas4j.ops.prims;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.OpDesc;

/**
 * The blocks of hand-designed networks ({@code org.nas4j.ops.blocks}): the ResNet block with a
 * projection shortcut (channels change), the MSD layer over three inputs of 4, 1 and 1 channels
 * (dilation 2, stride 1 only), and the unused-input stem.
 */
class BlockOpsContractTest extends OpContractTest {
    static final List<String> NAMES = List.of("resnet_basic_block", "msd_layer", "unused");

    @Override
    List<String> opNames() {
        return NAMES;
    }

    @Override
    int[] strides(String name) {
        return name.equals("msd_layer") ? new int[] {1} : new int[] {1, 2};
    }

    @Override
    OpDesc desc(String name, int stride, boolean affine) {
        if (!name.equals("msd_layer")) {
            return super.desc(name, stride, affine);
        }
        return OpDesc.of(name, new ConvMacroParams(C_IN + 2, 1), stride, affine)
                .withInLen(3)
                .withParam("dilation", 2);
    }

    @Override
    NDList inputs(NDManager manager, String name, long h) {
        if (!name.equals("msd_layer")) {
            return super.inputs(manager, name, h);
        }
        return OpTests.randn(
                manager,
                new Shape(BATCH, C_IN, h, h),
                new Shape(BATCH, 1, h, h),
                new Shape(BATCH, 1, h, h));
    }
}
