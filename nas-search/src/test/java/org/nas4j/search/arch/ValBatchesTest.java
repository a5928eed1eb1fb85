package org.nas4j.search.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nas4j.core.NasException;
import org.nas4j.train.data.BatchStream;
import org.nas4j.train.data.HostBatch;

class ValBatchesTest {
    /** Three batches per epoch; batch b of epoch e carries the label 10 * e + b. */
    private static final class Numbered implements BatchStream {
        final List<Integer> opened = new ArrayList<>();
        private final int per;

        Numbered(int per) {
            this.per = per;
        }

        @Override
        public Iterator<HostBatch> epoch(int epoch) {
            opened.add(epoch);
            List<HostBatch> out = new ArrayList<>();
            for (int b = 0; b < per; b++) {
                out.add(new HostBatch(new float[1], new int[] {10 * epoch + b}, 1, 1, 1, 1));
            }
            return out.iterator();
        }

        @Override
        public int batchesPerEpoch() {
            return per;
        }

        @Override
        public int size() {
            return per;
        }
    }

    private static List<Integer> take(ValBatches w, int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(w.next().labels()[0]);
        }
        return out;
    }

    @Test
    void walksEpochAfterEpochOfTheStream() {
        Numbered s = new Numbered(3);
        try (ValBatches w = new ValBatches()) {
            w.seek(s, 0);
            assertEquals(List.of(0, 1, 2, 10, 11, 12, 20), take(w, 7));
            assertEquals(List.of(0, 1, 2), s.opened);
        }
    }

    @Test
    void seekingToTheCurrentPositionKeepsTheOpenEpoch() {
        Numbered s = new Numbered(3);
        try (ValBatches w = new ValBatches()) {
            w.seek(s, 0);
            take(w, 4);
            w.seek(s, 4);
            assertEquals(List.of(11, 12, 20), take(w, 3));
            assertEquals(List.of(0, 1, 2), s.opened);
        }
    }

    @Test
    void aResumedWalkDrawsWhatAnUninterruptedOneDraws() {
        Numbered s = new Numbered(3);
        List<Integer> whole;
        try (ValBatches w = new ValBatches()) {
            w.seek(s, 0);
            whole = take(w, 12);
        }
        try (ValBatches w = new ValBatches()) {
            w.seek(s, 5);
            assertEquals(whole.subList(5, 12), take(w, 7));
        }
    }

    @Test
    void anEmptyStreamIsRefused() {
        try (ValBatches w = new ValBatches()) {
            NasException e = assertThrows(NasException.class, () -> w.seek(new Numbered(0), 0));
            assertTrue(e.getMessage().contains("val_ratio"), e.getMessage());
        }
    }
}
