package org.nas4j.cli;

import org.nas4j.core.NasException;
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
        return threadsPerTrial == null ? 1 : Math.max(1, cores / Math.max(1, threadsPerTrial));
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
        String submitted = System.getProperty("spark.master");
        String m = master != null ? master : submitted;
        boolean remote = "spark".equals(engine) && m != null && !m.startsWith("local");
        TrialProcess process =
                remote ? TrialProcess.portable(trialHeap) : TrialProcess.ofThisJvm(trialHeap);
        int par = parallel();
        return switch (engine) {
            case "local" -> new LocalEngine(process, par, attempts);
            case "spark" ->
                    new SparkEngine(
                            process,
                            m != null ? m : SparkEngine.localMaster(par, attempts),
                            attempts,
                            1,
                            0);
            default ->
                    throw new NasException(
                            "--engine '" + engine + "' is not an engine; use local or spark.");
        };
    }
}
