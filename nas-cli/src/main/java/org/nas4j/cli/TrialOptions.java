package org.nas4j.cli;

import org.nas4j.core.NasException;
import org.nas4j.trials.GpuSlots;
import org.nas4j.trials.LocalEngine;
import org.nas4j.trials.SparkEngine;
import org.nas4j.trials.TrialEngine;
import org.nas4j.trials.TrialProcess;
import picocli.CommandLine.Option;

/** The options of commands that run trials (a picocli mixin): engine, slots, retries. */
final class TrialOptions {
    @Option(
            names = "--engine",
            paramLabel = "local|spark",
            description = "Where trials run: a local process pool (default) or Apache Spark.")
    String engine = "local";

    @Option(
            names = "--parallel",
            paramLabel = "N",
            description = "Trials at once (default: cores / threads per trial, at least 1).")
    Integer parallel;

    @Option(
            names = "--threads-per-trial",
            paramLabel = "T",
            description = "libtorch threads of each trial (default: cores / parallel).")
    Integer threadsPerTrial;

    @Option(
            names = "--attempts",
            paramLabel = "N",
            description = "Attempts of a trial whose process is killed or crashes (default 3).")
    int attempts = 3;

    @Option(
            names = "--gpus-per-trial",
            paramLabel = "G",
            description =
                    "GPUs each trial holds and sees (default: 1 when this machine has GPUs, so"
                            + " one trial runs per GPU; 0 runs trials on the CPU).")
    Integer gpusPerTrial;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description = "Spark master (default local[N,attempts]; spark-submit's --master wins).")
    String master;

    @Option(
            names = "--trial-heap",
            paramLabel = "SIZE",
            description = "Java heap of each trial process (default 2g; tensors live outside it).")
    String trialHeap = "2g";

    /** Trials at once: {@code --parallel}, else the cores over the threads each trial takes. */
    int parallel() {
        int cores = Runtime.getRuntime().availableProcessors();
        if (parallel != null) {
            if (parallel < 1) {
                throw new NasException("--parallel must be at least 1, got " + parallel + ".");
            }
            return parallel;
        }
        if (!remote() && gpus().managed() && gpus().perTrial() > 0) {
            return gpus().concurrentTrials(); // one trial per GPU share
        }
        return threadsPerTrial == null ? 1 : Math.max(1, cores / Math.max(1, threadsPerTrial));
    }

    private GpuSlots gpus;

    /** This machine's GPUs as trials share them (none when trials run on a cluster). */
    GpuSlots gpus() {
        if (gpus == null) {
            gpus = remote() ? GpuSlots.none() : GpuSlots.detect(gpusPerTrial);
        }
        return gpus;
    }

    /** The Spark master trials go to: {@code --master}, else spark-submit's. */
    private String master() {
        return master != null ? master : System.getProperty("spark.master");
    }

    /** Whether trials run on other machines (Spark with a non-local master). */
    private boolean remote() {
        String m = master();
        return "spark".equals(engine) && m != null && !m.startsWith("local");
    }

    /** Threads per trial: {@code --threads-per-trial}, else the cores shared by the slots. */
    int threads() {
        if (threadsPerTrial != null) {
            if (threadsPerTrial < 1) {
                throw new NasException(
                        "--threads-per-trial must be at least 1, got " + threadsPerTrial + ".");
            }
            return threadsPerTrial;
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors() / parallel());
    }

    /** The engine the options name. */
    TrialEngine engine() {
        // spark-submit sets spark.master; a non-local master means trials run on other machines
        String m = master();
        boolean remote = remote();
        TrialProcess process =
                remote ? TrialProcess.portable(trialHeap) : TrialProcess.ofThisJvm(trialHeap);
        int par = parallel();
        GpuSlots gpus = gpus();
        int gpuAmount = remote ? (gpusPerTrial == null ? 0 : gpusPerTrial) : gpus.perTrial();
        return switch (engine) {
            case "local" -> new LocalEngine(process, par, attempts, gpus);
            case "spark" ->
                    new SparkEngine(
                            process,
                            m != null ? m : SparkEngine.localMaster(par, attempts),
                            attempts,
                            1,
                            gpuAmount,
                            gpus);
            default ->
                    throw new NasException(
                            "--engine '" + engine + "' is not an engine; use local or spark.");
        };
    }
}
