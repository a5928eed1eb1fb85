package org.nas4j.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nas4j.core.NasException;

/** An epoch started at a batch yields exactly the batches the whole epoch yields from there. */
class LoaderFromBatchTest {
    private static Loader loader(int workers) {
        int n = 53;
        byte[] pixels = new byte[n * 16];
        int[] labels = new int[n];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 37 % 251);
        }
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
        }
        InMemoryDataset ds = new InMemoryDataset("x", pixels, 0, labels, 1, 4, 4, 3);
        DatasetSpec spec = TestData.spec("x", "idx", null, 1, 4, 3, 1, true);
        return Loader.builder()
                .setDataset(ds)
                .setBatchSize(5)
                .setTransform(ImageTransform.augmenting(spec, 2)) // crop, flip, cutout
                .optShuffle(true)
                .optWorkers(workers)
                .optSeed(17)
                .build();
    }

    private static List<HostBatch> drain(Iterator<HostBatch> it) {
        List<HostBatch> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void theRestOfAnEpochIsTheSameWhereverItStarts(int workers) {
        try (Loader loader = loader(workers)) {
            List<HostBatch> whole = drain(loader.epoch(3));
            assertEquals(11, whole.size());
            for (int from : new int[] {0, 1, 7, 10}) {
                List<HostBatch> rest = drain(loader.epoch(3, from));
                assertEquals(whole.size() - from, rest.size(), "from " + from);
                for (int i = 0; i < rest.size(); i++) {
                    HostBatch want = whole.get(from + i);
                    assertArrayEquals(want.images(), rest.get(i).images(), "batch " + (from + i));
                    assertArrayEquals(want.labels(), rest.get(i).labels(), "batch " + (from + i));
                }
            }
            assertFalse(loader.epoch(3, 11).hasNext(), "starting after the last batch");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 12})
    void aBatchOutsideTheEpochIsRefused(int from) {
        try (Loader loader = loader(0)) {
            assertThrows(NasException.class, () -> loader.epoch(0, from));
        }
    }
}
