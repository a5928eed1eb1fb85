package org.nas4j.trials;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process pool on this machine: at most {@code parallel} trial processes at once, each retried up
 * to {@code maxAttempts} times when killed or crashed.
 */
public final class LocalEngine implements TrialEngine {
    private static final Logger LOG = LoggerFactory.getLogger(LocalEngine.class);

    private final TrialProcess process;
    private final int parallel;
    private final int maxAttempts;
    private final GpuSlots gpus;

    public LocalEngine(TrialProcess process, int parallel, int maxAttempts) {
        this(process, parallel, maxAttempts, GpuSlots.none());
    }

    /**
     * @param gpus the machine's GPUs: each running trial holds its share and sees only those, so at
     *     most {@link GpuSlots#concurrentTrials()} run at once whatever {@code parallel} says
     */
    public LocalEngine(TrialProcess process, int parallel, int maxAttempts, GpuSlots gpus) {
        this.process = process;
        this.parallel = Math.max(1, Math.min(parallel, gpus.concurrentTrials()));
        this.maxAttempts = Math.max(1, maxAttempts);
        this.gpus = gpus;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public List<TrialResult> run(List<Trial> trials, Ledger ledger) {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<TrialResult>> futures = new ArrayList<>();
            for (Trial t : trials) {
                futures.add(pool.submit(() -> runWithRetries(t, ledger)));
            }
            List<TrialResult> out = new ArrayList<>();
            for (Future<TrialResult> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trials ran", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A trial could not be run: " + e.getCause(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private TrialResult runWithRetries(Trial t, Ledger ledger) {
        TrialResult r = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            ledger.started(t);
            r = runOnGpus(t, attempt);
            if (!TrialResult.CRASHED.equals(r.status())) {
                break;
            }
            LOG.warn("Trial {} attempt {} {}; retrying", t.id(), attempt, r.message());
        }
        ledger.finished(t, r);
        return r;
    }

    private TrialResult runOnGpus(Trial t, int attempt) {
        if (!gpus.managed()) {
            return process.run(t, attempt);
        }
        String held;
        try {
            held = gpus.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trial " + t.id() + " waited", e);
        }
        try {
            return process.run(t, attempt, held);
        } finally {
            gpus.release(held);
        }
    }
}
