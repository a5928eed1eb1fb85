package org.nas4j.ops.prims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.nas4j.core.NasException;
import org.nas4j.core.UnknownOpException;
import org.nas4j.ops.OpInfo;
import org.nas4j.ops.OpRegistry;

class BuiltinOpsTest {
    private static final List<String> EXPECTED =
            List.of(
                    "none",
                    "skip_connect",
                    "identity",
                    "max_pool_3x3",
                    "avg_pool_3x3",
                    "sep_conv_3x3",
                    "sep_conv_5x5",
                    "sep_conv_7x7",
                    "dil_conv_3x3",
                    "dil_conv_5x5",
                    "conv_7x1_1x7",
                    "convbnrelu_3x3",
                    "convbnrelu_1x1",
                    "relu_conv_bn",
                    "prepr_normal",
                    "prepr_reduce",
                    "stem_conv3x3",
                    "stem_conv3x3_relu",
                    "stem_conv3x3_s4",
                    "stem_conv3x3_s4s2",
                    "pool_adaptive_avg2d",
                    "pool_avg2d7x7",
                    "pool_mean_tensor",
                    "linear",
                    "concate_channels",
                    "proj_channels",
                    "multi_op",
                    "resnet_basic_block",
                    "msd_layer",
                    "unused");

    @Test
    void standardRegistryHoldsEveryBuiltinOpWithADescription() {
        OpRegistry r = OpRegistry.standard();
        for (String name : EXPECTED) {
            assertTrue(r.contains(name), name);
            assertTrue(!r.get(name).description().isBlank(), name);
        }
    }

    @Test
    void everyBuiltinOpHasAContractTest() {
        Set<String> covered = new TreeSet<>();
        covered.addAll(IdentityOpsContractTest.NAMES);
        covered.addAll(PoolOpsContractTest.NAMES);
        covered.addAll(ConvOpsContractTest.NAMES);
        covered.addAll(StemOpsContractTest.NAMES);
        covered.addAll(HeadOpsContractTest.NAMES);
        covered.addAll(MergeOpsContractTest.NAMES);
        covered.addAll(BlockOpsContractTest.NAMES);
        assertEquals(new TreeSet<>(EXPECTED), covered);
    }

    @Test
    void duplicateNameThrows() {
        OpRegistry r = OpRegistry.standard();
        NasException e =
                assertThrows(
                        NasException.class,
                        () -> r.register("sep_conv_3x3", "again", (d, c) -> new Relu()));
        assertTrue(e.getMessage().contains("sep_conv_3x3"), e.getMessage());
    }

    @Test
    void unknownNameListsTheRegisteredOnes() {
        OpRegistry r = OpRegistry.standard();
        UnknownOpException e = assertThrows(UnknownOpException.class, () -> r.get("sep_conv_9x9"));
        assertTrue(e.getMessage().contains("sep_conv_9x9"), e.getMessage());
        List<String> names = new ArrayList<>();
        for (OpInfo info : r.list()) {
            names.add(info.name());
        }
        for (String name : names) {
            assertTrue(e.getMessage().contains(name), name);
        }
    }
}
