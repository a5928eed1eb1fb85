package org.nas4j.ops.prims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.OpDesc;

class MultiOpTest {
    private static final ConvMacroParams C = ConvMacroParams.of(3);

    private static OpDesc multi(String merge) {
        List<OpDesc> children =
                List.of(OpDesc.of("identity", C, 1, false), OpDesc.of("identity", C, 1, false));
        return OpDesc.of("multi_op", C, 1, false)
                .withInLen(2)
                .withParam("merge", merge)
                .withChildren(children, List.of(List.of(1), List.of(0)));
    }

    @Test
    void sumsOrConcatenatesChildrenOnTheirChosenInputs() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.full(new Shape(1, 3, 2, 2), 1f);
            NDArray b = m.full(new Shape(1, 3, 2, 2), 10f);
            NDList in = new NDList(a, b);
            Block sum = OpTests.build(multi("sum"));
            NDArray s = OpTests.forward(OpTests.init(sum, m, in), m, in, false);
            assertEquals(m.full(new Shape(1, 3, 2, 2), 11f), s);
            Block cat = OpTests.build(multi("concat"));
            NDArray c = OpTests.forward(OpTests.init(cat, m, in), m, in, false);
            // Child 0 reads input 1 (tens) and comes first.
            assertEquals(b.concat(a, 1), c);
            assertEquals(c.getShape(), cat.getOutputShapes(OpTests.shapes(in))[0]);
        }
    }

    @Test
    void unknownMergeIsRefused() {
        NasException e = assertThrows(NasException.class, () -> OpTests.build(multi("max")));
        assertEquals(true, e.getMessage().contains("'max'"), e.getMessage());
    }

    @Test
    void concateChannelsTakesTheLastOutStates() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDList in = new NDList();
            for (int i = 0; i < 4; i++) {
                in.add(m.full(new Shape(1, 2, 2, 2), i));
            }
            OpDesc d = OpDesc.of("concate_channels", C, 1, false).withInLen(4);
            NDArray out =
                    OpTests.forward(OpTests.build(d.withParam("out_states", 2)), m, in, false);
            assertEquals(in.get(2).concat(in.get(3), 1), out);
        }
    }
}
