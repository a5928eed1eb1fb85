package org.nas4j.trials;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import org.nas4j.core.NasException;

/**
 * The GPUs trials share on one machine: each running trial holds {@code perTrial} of them, and its
 * process sees only those ({@code CUDA_VISIBLE_DEVICES}), so a trial's {@code device: auto} is its
 * own GPU and two trials never share one. With no GPU ids, trials run as before; with {@code
 * perTrial} 0 on a machine that has GPUs, trials see none and run on the CPU.
 *
 * <p>Ids are found without starting libtorch: {@code CUDA_VISIBLE_DEVICES} when it is set, else one
 * per entry of {@code /proc/driver/nvidia/gpus} (the NVIDIA driver's list of boards).
 *
 * @param ids the GPU ids of this machine, as {@code CUDA_VISIBLE_DEVICES} names them
 * @param perTrial GPUs each trial holds (0: trials see no GPU)
 */
public record GpuSlots(List<String> ids, int perTrial) implements Serializable {
    /** The environment variable CUDA reads the visible devices from. */
    public static final String VISIBLE = "CUDA_VISIBLE_DEVICES";

    private static final ConcurrentHashMap<List<String>, LinkedBlockingQueue<String>> POOLS =
            new ConcurrentHashMap<>();

    public GpuSlots {
        ids = List.copyOf(ids);
        if (perTrial < 0) {
            throw new NasException("GPUs per trial must be 0 or more, got " + perTrial + ".");
        }
        if (perTrial > ids.size() && !ids.isEmpty()) {
            throw new NasException(
                    "GPUs per trial is "
                            + perTrial
                            + " but this machine has "
                            + ids.size()
                            + " GPU(s) ("
                            + String.join(",", ids)
                            + "); use at most "
                            + ids.size()
                            + ".");
        }
    }

    /** No GPU handling: trials inherit this process's environment. */
    public static GpuSlots none() {
        return new GpuSlots(List.of(), 0);
    }

    /** The GPUs of this machine, {@code perTrial} (null: 1 when there are GPUs) to each trial. */
    public static GpuSlots detect(Integer perTrial) {
        List<String> ids = visibleIds(System.getenv(VISIBLE), Path.of("/proc/driver/nvidia/gpus"));
        if (perTrial != null && perTrial > 0 && ids.isEmpty()) {
            throw new NasException(
                    "--gpus-per-trial "
                            + perTrial
                            + " but no GPU is visible here (no /proc/driver/nvidia/gpus entries"
                            + " and "
                            + VISIBLE
                            + " unset); leave it out to run trials on the CPU.");
        }
        return new GpuSlots(ids, perTrial != null ? perTrial : ids.isEmpty() ? 0 : 1);
    }

    /** GPU ids from {@code CUDA_VISIBLE_DEVICES}, else one per board the driver lists. */
    static List<String> visibleIds(String env, Path driverDir) {
        if (env != null) {
            return Arrays.stream(env.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .filter(s -> !s.startsWith("-")) // CUDA stops at the first invalid id
                    .toList();
        }
        if (!Files.isDirectory(driverDir)) {
            return List.of();
        }
        try (Stream<Path> boards = Files.list(driverDir)) {
            int n = (int) boards.count();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(String.valueOf(i));
            }
            return ids;
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Whether trials are given GPUs (or explicitly none) rather than inheriting the environment.
     */
    public boolean managed() {
        return !ids.isEmpty();
    }

    /** Trials that can hold their GPUs at once (unbounded when trials take none). */
    public int concurrentTrials() {
        return perTrial == 0 ? Integer.MAX_VALUE : ids.size() / perTrial;
    }

    /**
     * Takes {@code perTrial} GPUs for one trial, waiting while others hold them; the returned value
     * is the trial's {@code CUDA_VISIBLE_DEVICES} ("" when it takes none). Hand it back with {@link
     * #release}. Pools are per JVM, so Spark tasks in one local-mode JVM share them.
     */
    public String acquire() throws InterruptedException {
        if (perTrial == 0) {
            return "";
        }
        LinkedBlockingQueue<String> pool = POOLS.computeIfAbsent(ids, LinkedBlockingQueue::new);
        List<String> held = new ArrayList<>();
        synchronized (pool) { // all of a trial's GPUs at once, so two trials never deadlock
            for (int i = 0; i < perTrial; i++) {
                held.add(pool.take());
            }
        }
        return String.join(",", held);
    }

    /** Returns a trial's GPUs (the value {@link #acquire} gave) to the pool. */
    public void release(String visible) {
        if (visible.isEmpty()) {
            return;
        }
        LinkedBlockingQueue<String> pool = POOLS.get(ids);
        for (String id : visible.split(",")) {
            pool.add(id);
        }
    }

    /** One line for the console, e.g. {@code GPUs: 0,1 (1 per trial)}. */
    public String describe() {
        return ids.isEmpty()
                ? "GPUs: none found (trials on the CPU)"
                : "GPUs: " + String.join(",", ids) + " (" + perTrial + " per trial)";
    }
}
