package org.nas4j.ops.prims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.OpDesc;

class ZeroTest {

    @Test
    void outputsZerosOfTheOutputShapeAtStrideOneAndTwo() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDList in = new NDList(m.randomNormal(new Shape(2, 4, 7, 7)).add(5));
            for (int stride : new int[] {1, 2}) {
                OpDesc d = OpDesc.of("none", new ConvMacroParams(4, 6), stride, false);
                NDArray out = OpTests.forward(new Zero(d), m, in, true);
                long h = stride == 1 ? 7 : 4;
                assertEquals(new Shape(2, 6, h, h), out.getShape());
                assertEquals(0f, out.abs().max().getFloat());
            }
        }
    }
}
