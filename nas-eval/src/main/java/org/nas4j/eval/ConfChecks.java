package org.nas4j.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.nas4j.core.ConfException;
import org.nas4j.core.ExperimentDir;
import org.nas4j.core.builder.ModelDescParams;
import org.nas4j.core.builder.NetworkBounds;
import org.nas4j.core.conf.Conf;
import org.nas4j.ops.OpRegistry;
import org.nas4j.ops.net.MemoryEstimate;
import org.nas4j.ops.net.MemoryFormat;
import org.nas4j.search.Algorithm;
import org.nas4j.train.BestMetric;
import org.nas4j.train.PhaseRun;
import org.nas4j.train.TrainerSpec;
import org.nas4j.train.data.LoaderSpec;

/**
 * Reads every spec of both phases when a run's conf is loaded, so that a value that cannot work
 * (zero epochs, a negative batch, more reductions than cells, a NaN learning rate, {@code
 * max_final_edges} 0, millions of cells, thousands of loader threads) fails at once with its key,
 * file and line, not after a search has spent an hour and the evaluation reads its section.
 */
final class ConfChecks {
    private ConfChecks() {}

    /**
     * Reads the sections {@code algorithm} will read; throws a {@link ConfException} if one is bad.
     */
    static void check(Conf conf, Algorithm algorithm, OpRegistry registry) {
        if (conf.has("common.experiment_name")) { // it names directories, --exp-dir or not
            ExperimentDir.defaultRoot(
                    conf.getString("common.logdir", "runs"),
                    conf.getString("common.experiment_name"),
                    "");
        }
        if (conf.has(MemoryFormat.KEY)) {
            MemoryFormat.of(
                    conf.getString(MemoryFormat.KEY), "Key " + conf.where(MemoryFormat.KEY));
        }
        for (String phase : new String[] {"search", "eval"}) {
            String p = "nas." + phase;
            boolean trains = phase.equals("eval") || algorithm.trainsSupernet();
            // the cell-network macro keys; an algorithm with its own network (nasbench101)
            // checks its own section in checkConf
            if (conf.has(p + ".model_desc.n_cells")) {
                checkNetwork(conf, phase, trains && !phase.equals("eval"), trains);
            }
            if (trains && conf.has(p + ".trainer")) {
                TrainerSpec.fromConf(conf.child(p + ".trainer"));
                BestMetric best = BestMetric.fromConf(conf.child(p + ".trainer"));
                if (best != null
                        && best.split().equals("val")
                        && !(conf.getDouble(p + ".loader.val_ratio", 0.0) > 0)) {
                    throw new ConfException(
                            "Key "
                                    + conf.where(p + ".trainer." + BestMetric.KEY)
                                    + " = '"
                                    + best.label()
                                    + "' needs a validation split, but "
                                    + p
                                    + ".loader.val_ratio is 0: set it above 0 (e.g. 0.1) or"
                                    + " choose a train metric or none.");
                }
            }
            if (phase.equals("eval") && conf.has(p + ".trainer")) {
                Evaluater.testWeights(conf); // last | best, best only with a best_metric
            }
            if (trains && conf.has(p + ".loader")) {
                LoaderSpec loader = PhaseRun.loaderSpec(conf, phase);
                PhaseRun.datasetSpec(conf, phase);
                int chunks = conf.getInt(p + ".trainer.batch_chunks", 1);
                if (chunks > loader.batch()) {
                    throw new ConfException(
                            "Key "
                                    + conf.where(p + ".trainer.batch_chunks")
                                    + " = "
                                    + chunks
                                    + " exceeds the batch "
                                    + loader.batch()
                                    + " ("
                                    + p
                                    + ".loader.batch): each part needs at least one sample.");
                }
            }
        }
        if (conf.has(TrialBudget.SECTION)) {
            TrialBudget.fromConf(conf);
        }
        if (algorithm.trainsSupernet() && conf.has("nas.search.finalizer")) {
            algorithm.finalizers(conf, registry);
        }
    }

    /**
     * The cell-network macro of {@code phase}: its keys, its size as a supernet when it is one, and
     * whether its weights can fit in this machine's memory when it trains on the CPU.
     */
    private static void checkNetwork(Conf conf, String phase, boolean supernet, boolean trains) {
        String key = "nas." + phase + ".model_desc";
        ModelDescParams params = ModelDescParams.fromConf(conf.child(key));
        if (supernet) {
            NetworkBounds.checkSupernet(params, key);
        }
        if (trains) {
            NetworkBounds.checkWeightsFit(params, key, supernet, cpuMemoryBytes(conf));
        }
    }

    /**
     * This machine's memory when training surely runs on its CPU ({@code common.device} cpu, or
     * auto without an NVIDIA GPU), else 0: a GPU's memory is not known before the engine starts.
     */
    static long cpuMemoryBytes(Conf conf) {
        String device = conf.getString("common.device", "auto").trim().toLowerCase(Locale.ROOT);
        boolean cpu = device.equals("cpu") || (device.equals("auto") && !nvidiaGpuPresent());
        return cpu ? MemoryEstimate.totalBytes() : 0;
    }

    private static boolean nvidiaGpuPresent() {
        if (Files.exists(Path.of("/dev/nvidia0"))) {
            return true;
        }
        try (Stream<Path> gpus = Files.list(Path.of("/proc/driver/nvidia/gpus"))) {
            return gpus.findAny().isPresent();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
