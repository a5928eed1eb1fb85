package org.nas4j.ops.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.ops.OpRegistry;

/** The estimate from a desc alone equals the one of the allocated network, at no memory cost. */
class MemoryEstimateOfDescTest {
    private static MemoryEstimate allocated(ModelDesc desc, int batch) {
        List<Integer> in = desc.inputShape();
        try (NDManager m = NDManager.newBaseManager()) {
            ModelBlock model = new ModelBlock(desc, OpRegistry.standard());
            model.initialize(m, DataType.FLOAT32, new Shape(1, in.get(0), in.get(1), in.get(2)));
            return MemoryEstimate.of(model, batch, 2, 1);
        }
    }

    @Test
    void theEstimateWithoutWeightsEqualsTheAllocatedNetworks() {
        for (ModelDesc desc :
                List.of(
                        TestDescs.dartsV2Small(),
                        TestDescs.supernet(3, 4, Set.of(1), List.of(1, 8, 8), "sep_conv_3x3"))) {
            assertEquals(
                    allocated(desc, 32),
                    MemoryEstimate.ofDesc(desc, OpRegistry.standard(), 32, 2, 1));
        }
    }

    @Test
    void aNetworkOfTerabytesIsEstimatedWithoutAllocatingIt() {
        // 8 cells of 4096-channel sep_conv edges: about 20 GB of weights, never allocated
        ModelDesc huge =
                TestDescs.supernet(8, 4096, Set.of(3, 6), List.of(1, 8, 8), "sep_conv_3x3");
        long before = rss();
        MemoryEstimate e = MemoryEstimate.ofDesc(huge, OpRegistry.standard(), 64, 1, 1);
        assertTrue(e.weightBytes() > 10L << 30, "weights " + e.weightBytes());
        long grown = rss() - before;
        assertTrue(grown < 1L << 30, "resident memory grew by " + grown + " bytes");
    }

    /** Resident memory of this process from /proc/self/status, 0 where unknown. */
    private static long rss() {
        try {
            for (String line :
                    java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024L;
                }
            }
        } catch (java.io.IOException e) {
            // unknown
        }
        return 0;
    }
}
