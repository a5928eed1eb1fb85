package org.nas4j.train.data;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.nas4j.core.NasException;

/**
 * Batches of a subset of a {@link Dataset}, prepared ahead on background threads.
 *
 * <p>Epoch {@code e} visits the subset in an order that depends only on (seed, e): shuffled when
 * {@code shuffle} is on, in index order otherwise. Batch {@code b} draws its augmentation from a
 * generator seeded by (seed, e, b), so the batches are the same whatever the number of workers or
 * their timing. The last, partial batch is kept (like PyTorch's default {@code drop_last=False}),
 * so every sample is seen once per epoch unless {@code maxBatches} caps the epoch.
 *
 * <p>With {@code workers > 0} up to {@code 2 * workers} batches are prepared ahead on daemon
 * threads; a failure there is rethrown to the consumer by {@link Epoch#next()}. Closing an {@link
 * Epoch} (or abandoning it) stops its work; closing the loader stops all of it. One consumer thread
 * per epoch iterator.
 *
 * <pre>{@code
 * try (Loader loader = Loader.builder().setDataset(ds).setBatchSize(64).optShuffle(true).build();
 *         Loader.Epoch batches = loader.epoch(0)) {
 *     while (batches.hasNext()) { HostBatch b = batches.next(); ... }
 * }
 * }</pre>
 */
public final class Loader implements BatchStream, AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String name;
    private final Dataset dataset;
    private final int[] indices;
    private final int batchSize;
    private final boolean shuffle;
    private final ImageTransform transform;
    private final int maxBatches;
    private final int workers;
    private final long seed;
    private final AtomicLong waitNanos = new AtomicLong();
    private ThreadPoolExecutor executor;
    private boolean closed;

    private Loader(Builder b) {
        this.name = b.name;
        this.dataset = Objects.requireNonNull(b.dataset, "setDataset(...) is required");
        this.indices = b.indices != null ? b.indices.clone() : identity(dataset.size());
        for (int index : indices) {
            Objects.checkIndex(index, dataset.size());
        }
        if (b.batchSize < 1) {
            throw new NasException(
                    "Loader " + name + ": batch size " + b.batchSize + " must be >= 1.");
        }
        if (b.maxBatches == 0 || b.maxBatches < -1 || b.workers < 0) {
            throw new NasException(
                    "Loader "
                            + name
                            + ": max batches "
                            + b.maxBatches
                            + " must be -1 or >= 1 and workers "
                            + b.workers
                            + " must be >= 0.");
        }
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.transform = Objects.requireNonNull(b.transform, "setTransform(...) is required");
        this.maxBatches = b.maxBatches;
        this.workers = b.workers;
        this.seed = b.seed;
    }

    /** A builder; {@code setDataset}, {@code setBatchSize} and {@code setTransform} are needed. */
    public static Builder builder() {
        return new Builder();
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public int batchesPerEpoch() {
        int all = (indices.length + batchSize - 1) / batchSize;
        return maxBatches < 0 ? all : Math.min(all, maxBatches);
    }

    @Override
    public long waitNanos() {
        return waitNanos.get();
    }

    /** The dataset the batches come from. */
    public Dataset dataset() {
        return dataset;
    }

    /** Samples per batch (the last batch of an epoch may be smaller). */
    public int batchSize() {
        return batchSize;
    }

    /** The order in which epoch {@code epoch} visits the dataset's samples (all of them). */
    public int[] order(int epoch) {
        int[] order = indices.clone();
        if (shuffle) {
            Splits.shuffle(order, new SplittableRandom(Seeds.mix(seed, Seeds.ORDER, epoch)));
        }
        return order;
    }

    @Override
    public synchronized Epoch epoch(int epoch) {
        return open(epoch, 0);
    }

    private Epoch open(int epoch, int first) {
        if (closed) {
            throw new NasException(
                    "Loader " + name + " is closed; epoch " + epoch + " cannot start.");
        }
        if (workers > 0 && executor == null) {
            executor =
                    new ThreadPoolExecutor(
                            workers,
                            workers,
                            30,
                            TimeUnit.SECONDS,
                            new LinkedBlockingQueue<>(),
                            r -> {
                                Thread t =
                                        new Thread(r, "nas4j-loader-" + THREADS.incrementAndGet());
                                t.setDaemon(true);
                                return t;
                            });
            executor.allowCoreThreadTimeOut(true); // an idle, unclosed loader keeps no threads
        }
        return new Epoch(epoch, order(epoch), first);
    }

    /**
     * The batches of epoch {@code epoch} from batch {@code fromBatch} on, identical to those {@link
     * #epoch(int)} yields there (the order and each batch's augmentation depend only on the seed,
     * the epoch and the batch index); nothing before {@code fromBatch} is prepared.
     *
     * @throws NasException when {@code fromBatch} is not in {@code [0, batchesPerEpoch()]}
     */
    @Override
    public synchronized Epoch epoch(int epoch, int fromBatch) {
        if (fromBatch < 0 || fromBatch > batchesPerEpoch()) {
            throw new NasException(
                    "Loader "
                            + name
                            + " cannot start epoch "
                            + epoch
                            + " at batch "
                            + fromBatch
                            + ": an epoch has "
                            + batchesPerEpoch()
                            + " batches.");
        }
        return open(epoch, fromBatch);
    }

    /** Stops the background threads; running and queued batch preparations are cancelled. */
    @Override
    public synchronized void close() {
        closed = true;
        if (executor != null) {
            for (Runnable queued : executor.shutdownNow()) {
                if (queued instanceof Future<?> f) {
                    f.cancel(false); // so a consumer blocked on it wakes up
                }
            }
        }
    }

    /** Prepares batch {@code b} of an epoch; a pure function of (seed, epoch, b) and the order. */
    HostBatch makeBatch(int epoch, int b, int[] order) {
        int from = b * batchSize;
        int n = Math.min(batchSize, order.length - from);
        int c = dataset.channels();
        int h = dataset.height();
        int w = dataset.width();
        int floats = c * h * w;
        float[] images = new float[n * floats];
        int[] labels = new int[n];
        byte[] scratch = new byte[dataset.imageBytes()];
        SplittableRandom rng = new SplittableRandom(Seeds.mix(seed, Seeds.AUGMENT, epoch, b));
        for (int i = 0; i < n; i++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("batch " + b + " cancelled");
            }
            int index = order[from + i];
            transform.apply(dataset, index, images, i * floats, rng, scratch);
            labels[i] = dataset.label(index);
        }
        return new HostBatch(images, labels, n, c, h, w);
    }

    /**
     * The batches of one epoch, in order; closing it cancels batches still being prepared. Not
     * thread-safe: one consumer.
     */
    public final class Epoch implements Iterator<HostBatch>, AutoCloseable {
        private final int epoch;
        private final int[] order;
        private final int nBatches = batchesPerEpoch();
        private final int ahead = Math.max(2, 2 * workers);
        private final ArrayDeque<Future<HostBatch>> pending = new ArrayDeque<>();
        private int submitted;
        private int consumed;
        private boolean done;

        private Epoch(int epoch, int[] order, int first) {
            this.epoch = epoch;
            this.order = order;
            this.submitted = first;
            this.consumed = first;
            submitAhead();
        }

        private void submitAhead() {
            if (workers == 0) {
                return;
            }
            synchronized (Loader.this) {
                while (!done && !closed && submitted < nBatches && pending.size() < ahead) {
                    int b = submitted++;
                    pending.add(executor.submit(() -> makeBatch(epoch, b, order)));
                }
            }
        }

        @Override
        public boolean hasNext() {
            return !done && consumed < nBatches;
        }

        @Override
        public HostBatch next() {
            if (!hasNext()) {
                throw new NoSuchElementException(
                        "Epoch " + epoch + " of loader " + name + " has no more batches.");
            }
            int b = consumed;
            long start = System.nanoTime();
            try {
                HostBatch batch = workers == 0 ? inline(b) : take(b);
                consumed++;
                submitAhead();
                return batch;
            } catch (RuntimeException e) {
                close();
                throw e;
            } finally {
                waitNanos.addAndGet(System.nanoTime() - start);
            }
        }

        private HostBatch inline(int b) {
            try {
                return makeBatch(epoch, b, order);
            } catch (RuntimeException e) {
                throw failed(b, e);
            }
        }

        private NasException failed(int b, Throwable cause) {
            return new NasException(
                    "Preparing batch "
                            + b
                            + " of epoch "
                            + epoch
                            + " of loader "
                            + name
                            + " failed: "
                            + cause,
                    cause);
        }

        private HostBatch take(int b) {
            Future<HostBatch> future = pending.poll();
            if (future == null) {
                throw new NasException(
                        "Loader " + name + " was closed while epoch " + epoch + " was running.");
            }
            try {
                return future.get();
            } catch (ExecutionException e) {
                throw failed(b, e.getCause());
            } catch (CancellationException e) {
                throw new NasException(
                        "Loader " + name + " was closed while epoch " + epoch + " was running.", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NasException(
                        "Interrupted while waiting for batch " + b + " of loader " + name + ".", e);
            }
        }

        /**
         * Stops this epoch: batches not yet taken are cancelled and {@link #hasNext()} is false.
         */
        @Override
        public void close() {
            done = true;
            for (Future<HostBatch> f : pending) {
                f.cancel(true);
            }
            pending.clear();
        }
    }

    /** Builds a {@link Loader} (required: {@code setX}; optional: {@code optX}). */
    public static final class Builder {
        private String name = "loader";
        private Dataset dataset;
        private int[] indices;
        private int batchSize;
        private boolean shuffle;
        private ImageTransform transform;
        private int maxBatches = -1;
        private int workers;
        private long seed;

        private Builder() {}

        /** The samples' source. */
        public Builder setDataset(Dataset dataset) {
            this.dataset = dataset;
            return this;
        }

        /** Samples per batch. */
        public Builder setBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Normalisation and augmentation of every image. */
        public Builder setTransform(ImageTransform transform) {
            this.transform = transform;
            return this;
        }

        /** The subset of sample indices to visit (default: all). */
        public Builder optIndices(int[] indices) {
            this.indices = indices;
            return this;
        }

        /** Shuffle the order every epoch (default: off, index order). */
        public Builder optShuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /** Cap on batches per epoch, -1 = all (default). */
        public Builder optMaxBatches(int maxBatches) {
            this.maxBatches = maxBatches;
            return this;
        }

        /** Background threads; 0 (default) prepares batches on the consumer's thread. */
        public Builder optWorkers(int workers) {
            this.workers = workers;
            return this;
        }

        /** Seed of the order and the augmentation (default 0). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Name in messages and logs, e.g. {@code search/train}. */
        public Builder optName(String name) {
            this.name = name;
            return this;
        }

        /** The loader; validates the settings. */
        public Loader build() {
            return new Loader(this);
        }
    }
}
