package org.nas4j.trials;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.nas4j.core.NasException;

/**
 * Runs trials as Apache Spark tasks: one partition per trial, each task starting the trial's
 * process and returning its result. Embedded in local mode by default ({@code local[N,F]}: N trials
 * at once, F attempts per task); the same job runs on a cluster when {@code spark.master} is set by
 * {@code spark-submit} (then every worker must see the sweep directory and have nas4j's jars).
 *
 * <p>A task whose trial process was killed or crashed throws, so Spark retries it (the trial
 * resumes from its checkpoint), up to {@code maxAttempts}; its last attempt returns the crash
 * instead, so one bad trial does not fail the others. A trial that failed for a bad conf is
 * returned at once, never retried. {@code cpusPerTrial} becomes {@code spark.task.cpus} and a
 * configured GPU amount {@code spark.task.resource.gpu.amount}.
 */
public final class SparkEngine implements TrialEngine {
    private final TrialProcess process;
    private final String master;
    private final int maxAttempts;
    private final int cpusPerTrial;
    private final double gpusPerTrial;
    private final GpuSlots localGpus;

    /**
     * @param process how a trial's process is started on an executor
     * @param master the Spark master when none is configured ({@code spark.master} of spark-submit
     *     wins), e.g. {@code local[2]}
     * @param maxAttempts attempts per trial (Spark task failures allowed)
     * @param cpusPerTrial cores a trial's task takes
     * @param gpusPerTrial GPUs a trial's task takes (0 for none)
     */
    public SparkEngine(
            TrialProcess process,
            String master,
            int maxAttempts,
            int cpusPerTrial,
            double gpusPerTrial) {
        this(process, master, maxAttempts, cpusPerTrial, gpusPerTrial, GpuSlots.none());
    }

    /**
     * As above, with the GPUs of this machine for a local master ({@code local[...]}: Spark
     * schedules no GPUs there, so tasks take them from {@code localGpus}); on a cluster each task
     * gets the GPU addresses Spark assigned it ({@code spark.task.resource.gpu.amount}, with the
     * workers' GPU discovery configured as Spark documents).
     */
    public SparkEngine(
            TrialProcess process,
            String master,
            int maxAttempts,
            int cpusPerTrial,
            double gpusPerTrial,
            GpuSlots localGpus) {
        this.localGpus = localGpus;
        this.process = process;
        this.master = master;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.cpusPerTrial = Math.max(1, cpusPerTrial);
        this.gpusPerTrial = gpusPerTrial;
    }

    /** {@code local[n,attempts]}: n trials at once in this JVM's Spark, tasks retried. */
    public static String localMaster(int parallel, int maxAttempts) {
        return "local[" + Math.max(1, parallel) + "," + Math.max(1, maxAttempts) + "]";
    }

    @Override
    public String name() {
        return "spark";
    }

    /** The Spark configuration of a trial job. */
    SparkConf sparkConf() {
        SparkConf conf =
                new SparkConf()
                        .setAppName("nas4j-trials")
                        .setIfMissing("spark.master", master)
                        .setIfMissing("spark.ui.enabled", "false")
                        .set("spark.task.maxFailures", String.valueOf(maxAttempts))
                        .set("spark.task.cpus", String.valueOf(cpusPerTrial));
        // local mode schedules no resources: its tasks take this machine's GPUs from localGpus
        if (gpusPerTrial > 0 && !conf.get("spark.master").startsWith("local")) {
            conf.set("spark.task.resource.gpu.amount", String.valueOf(gpusPerTrial));
        }
        return conf;
    }

    @Override
    public List<TrialResult> run(List<Trial> trials, Ledger ledger) {
        if (trials.isEmpty()) {
            return List.of();
        }
        trials.forEach(ledger::started);
        TrialProcess p = process;
        int attempts = maxAttempts;
        GpuSlots gpus = localGpus;
        List<TrialResult> results;
        try (JavaSparkContext sc = new JavaSparkContext(sparkConf())) {
            sc.setLogLevel("WARN");
            JavaRDD<Trial> rdd = sc.parallelize(new ArrayList<>(trials), trials.size());
            results = rdd.map(t -> runTask(p, t, attempts, gpus)).collect();
        } catch (Exception e) { // SparkException is checked but thrown through Scala unchecked
            throw new NasException(
                    "The Spark trial job failed: "
                            + e.getMessage()
                            + "; the trials that finished are in "
                            + Ledger.FILE
                            + " and a rerun resumes the others.",
                    e);
        }
        for (int i = 0; i < trials.size(); i++) {
            ledger.finished(trials.get(i), results.get(i));
        }
        return results;
    }

    /** One task: the trial's process, thrown as a task failure when it crashed and may retry. */
    static TrialResult runTask(TrialProcess p, Trial t, int maxAttempts, GpuSlots gpus)
            throws InterruptedException {
        TaskContext ctx = TaskContext.get();
        int attempt = ctx == null ? 1 : ctx.attemptNumber() + 1;
        String assigned = ctx == null ? null : sparkGpus(ctx);
        TrialResult r;
        if (assigned != null) {
            r = p.run(t, attempt, assigned);
        } else if (gpus.managed()) {
            String held = gpus.acquire();
            try {
                r = p.run(t, attempt, held);
            } finally {
                gpus.release(held);
            }
        } else {
            r = p.run(t, attempt);
        }
        if (TrialResult.CRASHED.equals(r.status()) && attempt < maxAttempts) {
            throw new IllegalStateException(
                    "Trial " + t.id() + " attempt " + attempt + ": " + r.message());
        }
        return r;
    }

    /** The GPU addresses Spark's scheduler gave this task, or null when it gave none. */
    private static String sparkGpus(TaskContext ctx) {
        scala.Option<org.apache.spark.resource.ResourceInformation> gpu =
                ctx.resources().get("gpu");
        if (gpu.isEmpty() || gpu.get().addresses().length == 0) {
            return null;
        }
        return String.join(",", gpu.get().addresses());
    }
}
