package org.nas4j.train.data;

import java.util.Iterator;

/**
 * Batches of one split, epoch by epoch. The order of epoch {@code e} depends only on the seed and
 * {@code e}, so a resumed run sees the same batches as an uninterrupted one.
 */
public interface BatchStream {
    /** The batches of epoch {@code epoch} (0-based), prepared ahead on background threads. */
    Iterator<HostBatch> epoch(int epoch);

    /**
     * The batches of epoch {@code epoch} from batch {@code fromBatch} on: the same batches {@link
     * #epoch(int)} yields after its first {@code fromBatch}, which a run resumed in the middle of
     * an epoch needs. The default draws and drops the first ones; a stream whose batches are a pure
     * function of their position (such as {@link Loader}) starts there at once.
     *
     * @param fromBatch 0 for the whole epoch, at most {@link #batchesPerEpoch()}
     */
    default Iterator<HostBatch> epoch(int epoch, int fromBatch) {
        Iterator<HostBatch> it = epoch(epoch);
        for (int i = 0; i < fromBatch && it.hasNext(); i++) {
            it.next();
        }
        return it;
    }

    /** Number of batches one epoch yields (after any {@code max_batches} cap). */
    int batchesPerEpoch();

    /** Number of samples in the split. */
    int size();

    /** Total nanoseconds the consumer has waited for a batch so far (for benchmarks). */
    default long waitNanos() {
        return 0L;
    }
}
