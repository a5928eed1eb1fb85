package org.nas4j.train.data;

import java.util.Iterator;

/**
 * Batches of one split, epoch by epoch. The order of epoch {@code e} depends only on the seed and
 * {@code e}, so a resumed run sees the same batches as an uninterrupted one.
 */
public interface BatchStream {
    /** The batches of epoch {@code epoch} (0-based), prepared ahead on background threads. */
    Iterator<HostBatch> epoch(int epoch);

    /** Number of batches one epoch yields (after any {@code max_batches} cap). */
    int batchesPerEpoch();

    /** Number of samples in the split. */
    int size();

    /** Total nanoseconds the consumer has waited for a batch so far (for benchmarks). */
    default long waitNanos() {
        return 0L;
    }
}
