package org.nas4j.ops.prims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.OpDesc;

class FactorizedReduceTest {

    private static Shape reduce(NDManager m, long h, int chOut) {
        OpDesc d = OpDesc.of("prepr_reduce", new ConvMacroParams(4, chOut), 2, true);
        NDList in = OpTests.randn(m, new Shape(2, 4, h, h));
        FactorizedReduce op = new FactorizedReduce(d);
        OpTests.init(op, m, in);
        Shape out = OpTests.forward(op, m, in, true).getShape();
        assertEquals(op.getOutputShapes(OpTests.shapes(in))[0], out);
        return out;
    }

    @Test
    void halvesEvenAndOddSizesRoundingUp() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(new Shape(2, 8, 4, 4), reduce(m, 8, 8));
            assertEquals(new Shape(2, 8, 4, 4), reduce(m, 7, 8));
            assertEquals(new Shape(2, 7, 3, 3), reduce(m, 5, 7));
        }
    }
}
