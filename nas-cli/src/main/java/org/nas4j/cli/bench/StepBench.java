package org.nas4j.cli.bench;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.NasException;
import org.nas4j.core.Provenance;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.eval.ExperimentRunner;
import org.nas4j.ops.net.MemoryEstimate;
import org.nas4j.ops.net.ModelStats;
import org.nas4j.train.PhaseRun;
import org.nas4j.train.StepInfo;
import org.nas4j.train.StepMemory;
import org.nas4j.train.TrainListener;
import org.nas4j.train.Trainer;
import org.nas4j.train.TrainerBuilder;
import org.nas4j.train.TrainerSpec;
import org.nas4j.train.optim.NamedParams;

/**
 * Times real training steps of one phase: the phase's network, data loader and trainer (for the
 * search phase the algorithm's architecture trainer, so a step is the weight step plus the
 * architecture step), for a number of steps after a warm-up. Reports images/s, step-time
 * percentiles, the share of time spent waiting for data, and resident memory (peak, and at the
 * start and end of the timed steps, to show it stays flat).
 */
public final class StepBench {
    private final ExperimentRunner runner;
    private final Conf conf;
    private final String phase;

    private final ModelDesc evalTemplate;

    /**
     * {@code conf} must already carry the batch size and step count the caller wants; {@code
     * evalTemplate} is the final architecture whose cells the eval network copies (null for the
     * search phase).
     */
    public StepBench(ExperimentRunner runner, String phase, ModelDesc evalTemplate) {
        this.runner = runner;
        this.conf = runner.conf();
        this.phase = phase;
        this.evalTemplate = evalTemplate;
    }

    /** Runs {@code warmup + steps} steps and returns the measurements. */
    public Map<String, Object> run(int warmup, int steps, Path workDir) {
        return run(warmup, steps, workDir, null);
    }

    /**
     * As {@link #run(int, int, Path)}, also recording libtorch's operator profile of the timed
     * steps into {@code profile} (a Chrome trace JSON) when it is not null.
     */
    public Map<String, Object> run(int warmup, int steps, Path workDir, Path profile) {
        ModelDesc desc =
                phase.equals("search")
                        ? runner.searcher().buildDesc()
                        : runner.evaluater().buildDesc(evalTemplate);
        Provenance prov =
                Provenance.capture(List.of("bench"), List.of(), conf.getLong("common.seed"));
        try (PhaseRun run = new PhaseRun(conf, phase, workDir, desc, runner.registry(), prov)) {
            Timing timing = new Timing(warmup, steps, profile, run.device());
            // a small dataset may hold fewer batches than asked for: run as many epochs as needed
            int perEpoch = Math.max(1, run.data().train().batchesPerEpoch());
            int epochs = (warmup + steps + perEpoch - 1) / perEpoch;
            TrainerSpec spec = run.trainerSpec().withEpochs(epochs);
            // drop path at its final probability (a training run reaches it at the last epoch;
            // it rises from 0, so the first epochs a benchmark runs would time none)
            double dropPath = spec.dropPathProb();
            TrainerBuilder b =
                    Trainer.builder(run.model(), spec)
                            .optSeed(run.seed())
                            .optDevice(run.device())
                            .optDropPathSetter(p -> run.model().setDropPathProb(dropPath))
                            .optValidate(false)
                            .addListener(timing);
            NamedParams arch = NamedParams.of(run.model().archParams().asMap());
            try (Trainer trainer =
                    phase.equals("search") ? runner.searcher().trainer(b, arch) : b.build()) {
                timing.beforeFit();
                trainer.fit(run.data().train(), run.data().val(), 0);
            } finally {
                timing.stopProfiling();
            }
            double[] t = timing.timed();
            if (t.length == 0) {
                throw new NasException(
                        "The benchmark timed no step: "
                                + (warmup + steps)
                                + " steps were asked for but training ran "
                                + timing.seen
                                + ".");
            }
            Arrays.sort(t);
            double total = Arrays.stream(t).sum();
            int batch = conf.getInt("nas." + phase + ".loader.batch");
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("phase", phase);
            out.put("algo", runner.name());
            if (phase.equals("search") && conf.has("nas.search.trainer.bilevel.order")) {
                out.put("order", conf.getString("nas.search.trainer.bilevel.order"));
            }
            out.put("device", run.device().toString());
            out.put("memory_format", run.model().memoryFormatOn(run.device()).confName());
            out.put("batch", batch);
            out.put("input", desc.inputShape());
            out.put("cells", desc.cells().size());
            out.put("params", ModelStats.paramCount(desc, runner.registry()));
            out.put("drop_path", dropPath);
            out.put("steps", t.length);
            out.put("images_per_s", round(t.length * batch / total));
            out.put("step_ms_median", round(1000 * t[t.length / 2]));
            out.put(
                    "step_ms_p90",
                    round(1000 * t[(int) Math.min(t.length - 1, Math.floor(t.length * 0.9))]));
            out.put(
                    "data_wait_share",
                    round(run.data().train().waitNanos() / 1e9 / Math.max(1e-9, timing.wall())));
            out.put("rss_mb_after_warmup", timing.rssAfterWarmup);
            out.put("rss_mb_end", rssMb("VmRSS"));
            out.put("rss_mb_peak", rssMb("VmHWM"));
            if (run.device().isGpu()) {
                out.put("gpu_mb_used_after_warmup", timing.gpuAfterWarmup);
                out.put("gpu_mb_used_end", gpuUsedMb(run.device()));
            }
            MemoryEstimate estimate = StepMemory.of(run, conf, phase);
            out.put("rss_mb_estimate", estimate.peakBytes() >> 20);
            out.put("activation_mb_estimate", estimate.activationBytes() >> 20);
            out.put("threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
            out.put("malloc", malloc());
            return out;
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /**
     * The allocator tensors come from: tcmalloc or jemalloc when one is loaded (the {@code nas}
     * script preloads tcmalloc when installed), else glibc's; "unknown" without /proc.
     */
    public static String malloc() {
        try {
            String maps = Files.readString(Path.of("/proc/self/maps"));
            return maps.contains("libtcmalloc")
                    ? "tcmalloc"
                    : maps.contains("libjemalloc") ? "jemalloc" : "glibc";
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** A line of /proc/self/status in MB, or -1 where there is none. */
    static long rssMb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * The device's used memory in MB (CUDA's view: every process's allocations, libtorch's cached
     * blocks and the CUDA context included, as PyTorch's {@code torch.cuda.mem_get_info}), or -1
     * where CUDA does not answer.
     */
    static long gpuUsedMb(Device device) {
        try {
            return CudaUtils.getGpuMemory(device).getUsed() >> 20;
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }

    /** Records the wall time of every step after the warm-up. */
    private static final class Timing implements TrainListener {
        private final int warmup;
        private final int limit;
        private final List<Double> times = new ArrayList<>();
        int seen;
        private long last;
        private long firstTimed;
        private long end;
        long rssAfterWarmup = -1;
        long gpuAfterWarmup = -1;

        /** The device the steps run on: its memory is read after the warm-up when a GPU. */
        private final Device device;

        /** Where the timed steps' operator profile goes, or null for none. */
        private final Path profile;

        private boolean profiling;

        Timing(int warmup, int limit, Path profile, Device device) {
            this.device = device;
            this.warmup = warmup;
            this.limit = limit;
            this.profile = profile;
        }

        /** Starts the profile now when no warm-up step comes first. */
        void beforeFit() {
            if (warmup == 0) {
                startProfiling();
            }
        }

        private void startProfiling() {
            if (profile != null) {
                JniUtils.startProfile(false, true, false);
                profiling = true;
            }
        }

        /** Stops a running profile and writes it (the timed steps' when all ran). */
        void stopProfiling() {
            if (profiling) {
                profiling = false;
                Path file = profile.toAbsolutePath();
                Path parent = file.getParent();
                try {
                    Files.createDirectories(parent);
                } catch (IOException e) {
                    throw new NasException("Cannot create " + parent + " for --profile: " + e);
                }
                JniUtils.stopProfile(file.toString());
            }
        }

        @Override
        public void onEpochStart(Trainer trainer, int epoch, int steps) {
            last = System.nanoTime(); // the gap between epochs (validation, listeners) is not a
            // step
        }

        @Override
        public void onStep(Trainer trainer, StepInfo s) {
            long now = System.nanoTime();
            int index = seen++;
            if (index == warmup - 1 || (warmup == 0 && index == 0)) {
                rssAfterWarmup = rssMb("VmRSS");
                if (device.isGpu()) {
                    gpuAfterWarmup = gpuUsedMb(device);
                }
            }
            if (index == warmup) {
                firstTimed = last; // the start of the first timed step
            }
            if (index >= warmup && times.size() < limit) {
                times.add((now - last) / 1e9);
                end = now;
            }
            if (index == warmup - 1) {
                startProfiling(); // the timed steps start now; fit ends after the last one
            }
            last = System.nanoTime(); // the profiler's start is not part of the next step
        }

        double[] timed() {
            return times.stream().mapToDouble(Double::doubleValue).toArray();
        }

        double wall() {
            return (end - firstTimed) / 1e9;
        }
    }
}
