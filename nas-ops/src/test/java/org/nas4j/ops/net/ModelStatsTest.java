package org.nas4j.ops.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.OpRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ModelStatsTest {
    private static final Logger LOG = LoggerFactory.getLogger(ModelStatsTest.class);

    @Test
    void dartsV2CifarNetworkHasThePublishedSize() {
        ModelDesc desc = TestDescs.dartsV2Eval();
        long params = ModelStats.paramCount(desc, OpRegistry.standard());
        long macs = ModelStats.macs(desc, OpRegistry.standard());
        LOG.info("DARTS V2, 20 cells, 36 channels, CIFAR-10: {} parameters, {} MACs", params, macs);
        // Liu et al. 2019, Table 1: 3.3M parameters (aux tower not counted)
        assertEquals(3.3e6, params, 0.02 * 3.3e6);
        // the DARTS V2 CIFAR network is known to be about 0.53-0.55 G multiply-adds
        assertTrue(macs > 4.5e8 && macs < 6.5e8, "MACs " + macs);
    }

    @Test
    void countsOfASingleConvAndLinearMatchHandComputation() {
        // stem 3->6 3x3 (BN affine) twice, no cells, global pool, linear 6->10 on 3x8x8
        OpDesc stem = TestDescs.op("stem_conv3x3", 3, 6, 1, true);
        ModelDesc desc =
                new ModelDesc(
                        List.of(stem, stem),
                        List.of(),
                        List.of(),
                        TestDescs.op("pool_adaptive_avg2d", 6, 6, 1, true),
                        TestDescs.op("linear", 6, 10, 1, true),
                        10,
                        List.of(3, 8, 8),
                        Map.of());
        long conv = 6 * 3 * 3 * 3;
        long bn = 2 * 6;
        long linear = 6 * 10 + 10;
        assertEquals(2 * (conv + bn) + linear, ModelStats.paramCount(desc, OpRegistry.standard()));
        assertEquals(2 * conv * 8 * 8 + 6 * 10, ModelStats.macs(desc, OpRegistry.standard()));
    }
}
