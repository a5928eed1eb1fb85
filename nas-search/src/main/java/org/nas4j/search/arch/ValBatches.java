package org.nas4j.search.arch;

import java.util.Iterator;
import org.nas4j.core.NasException;
import org.nas4j.train.data.BatchStream;
import org.nas4j.train.data.HostBatch;

/**
 * An endless walk through a validation stream: epoch 0 of the stream, then epoch 1, and so on.
 *
 * <p>Batch {@code k} of the walk (counting from the start of training) is batch {@code k % n} of
 * the stream's epoch {@code k / n}, with {@code n} batches per epoch, so a trainer that seeks to
 * its global step at each epoch start draws the same batches whether or not it was resumed.
 */
final class ValBatches implements AutoCloseable {
    private BatchStream stream;
    private Iterator<HostBatch> it;
    private int pass;
    private long consumed;

    /** Positions the walk at batch {@code position} of {@code s}, reopening only when needed. */
    void seek(BatchStream s, long position) {
        int per = s.batchesPerEpoch();
        if (per < 1) {
            throw new NasException(
                    "The validation stream for architecture steps yields no batches; give the"
                            + " search a validation split (loader.val_ratio > 0) with at least one"
                            + " batch.");
        }
        int wantPass = Math.toIntExact(position / per);
        long wantSkip = position % per;
        if (s == stream && it != null && pass == wantPass && consumed == wantSkip) {
            return;
        }
        close();
        stream = s;
        open(wantPass, (int) wantSkip);
    }

    /** The next batch, starting the stream's next epoch when this one is used up. */
    HostBatch next() {
        if (it == null) {
            throw new IllegalStateException("seek(...) must position the walk before next().");
        }
        if (!it.hasNext()) {
            closeIterator();
            open(pass + 1, 0);
            if (!it.hasNext()) {
                throw new NasException(
                        "Epoch " + pass + " of the validation stream yields no batches.");
            }
        }
        consumed++;
        return it.next();
    }

    private void open(int p, int skip) {
        pass = p;
        consumed = skip;
        it = stream.epoch(p, skip);
    }

    private void closeIterator() {
        if (it instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new NasException("Closing a validation batch iterator failed: " + e, e);
            }
        }
        it = null;
    }

    /** Stops the current epoch's background work. */
    @Override
    public void close() {
        closeIterator();
        stream = null;
    }
}
