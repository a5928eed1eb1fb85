package org.nas4j.eval;

import org.nas4j.core.ConfException;
import org.nas4j.core.ExperimentDir;
import org.nas4j.core.builder.ModelDescParams;
import org.nas4j.core.conf.Conf;
import org.nas4j.ops.OpRegistry;
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
        for (String phase : new String[] {"search", "eval"}) {
            String p = "nas." + phase;
            boolean trains = phase.equals("eval") || algorithm.trainsSupernet();
            // the cell-network macro keys; an algorithm with its own network (nasbench101)
            // checks its own section in checkConf
            if (conf.has(p + ".model_desc.n_cells")) {
                ModelDescParams.fromConf(conf.child(p + ".model_desc"));
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
        if (algorithm.trainsSupernet() && conf.has("nas.search.finalizer")) {
            algorithm.finalizers(conf, registry);
        }
    }
}
