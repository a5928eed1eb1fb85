package org.nas4j.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataModuleTest {
    private static final DatasetSpec SYNTHETIC = TestData.synthetic(64, 20, 4, 8);

    @Test
    void searchHoldsOutAStratifiedValidationPart() {
        LoaderSpec loader = new LoaderSpec(16, 0.5, true, 0, -1, 2);
        try (DataModule data = DataModule.create(SYNTHETIC, loader, DataModule.Phase.SEARCH, 1)) {
            assertEquals(32, data.train().size());
            assertEquals(32, data.val().size());
            assertEquals(2, data.val().batchesPerEpoch());
            Set<Integer> labels = new HashSet<>();
            data.val()
                    .epoch(0)
                    .forEachRemaining(
                            b -> {
                                for (int l : b.labels()) {
                                    labels.add(l);
                                }
                            });
            assertEquals(Set.of(0, 1, 2, 3), labels);
            assertEquals(20, data.test().size());
        }
    }

    @Test
    void evalTrainsOnTheWholeTrainingSetAndTestsOnTheTestSet() {
        LoaderSpec loader = new LoaderSpec(16, 0.0, false, 0, 3, 0);
        try (DataModule data = DataModule.create(SYNTHETIC, loader, DataModule.Phase.EVAL, 1)) {
            assertEquals(64, data.train().size());
            assertEquals(3, data.train().batchesPerEpoch(), "max_batches caps training");
            assertNull(data.val());
            assertEquals(2, data.test().batchesPerEpoch(), "test is never capped");
            assertTrue(data.test().epoch(0).next().n() == 16);
        }
    }
}
