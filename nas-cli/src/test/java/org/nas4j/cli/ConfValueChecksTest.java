package org.nas4j.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nas4j.core.ConfException;
import org.nas4j.core.conf.AlgoConfs;
import org.nas4j.core.conf.Conf;
import org.nas4j.eval.ExperimentRunner;

/**
 * Values a conf can hold but that cannot work are refused when the run's conf is loaded ({@code
 * ExperimentRunner.of}), naming the key: eval keys too, before any search has run.
 */
class ConfValueChecksTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "nas.search.trainer.epochs, 0, nas.search.trainer.epochs",
        "nas.eval.trainer.epochs, -3, nas.eval.trainer.epochs",
        "nas.eval.trainer.epochs, 1000000, nas.eval.trainer.epochs",
        "nas.search.loader.batch, 0, loader.batch",
        "nas.eval.loader.batch, -64, loader.batch",
        "nas.eval.loader.batch, 2000000000, loader.batch",
        "nas.search.loader.workers, 100000, loader.workers",
        "nas.search.model_desc.n_cells, 0, nas.search.model_desc.n_cells",
        "nas.eval.model_desc.n_cells, 1000000, nas.eval.model_desc.n_cells",
        "nas.eval.model_desc.n_reductions, 30, nas.eval.model_desc.n_reductions",
        "nas.search.model_desc.init_node_ch, 0, nas.search.model_desc.init_node_ch",
        "nas.eval.model_desc.init_node_ch, 10000000, nas.eval.model_desc.init_node_ch",
        "nas.search.model_desc.n_nodes, -1, nas.search.model_desc.n_nodes",
        "nas.eval.trainer.optimizer.lr, NaN, nas.eval.trainer.optimizer.lr",
        "nas.search.trainer.optimizer.lr, Infinity, nas.search.trainer.optimizer.lr",
        "nas.search.trainer.alpha_optimizer.lr, -0.1, nas.search.trainer.alpha_optimizer.lr",
        "nas.eval.trainer.optimizer.momentum, 1.5, nas.eval.trainer.optimizer.momentum",
        "nas.eval.trainer.optimizer.decay, -1, nas.eval.trainer.optimizer.decay",
        "nas.search.finalizer.max_final_edges, 0, max_final_edges",
        "nas.eval.trainer.batch_chunks, 100000, nas.eval.trainer.batch_chunks",
        "nas.eval.trainer.drop_path_prob, 1.0, drop_path_prob",
        "common.experiment_name, ../outside, common.experiment_name",
        "nas.eval.trainer.best_metric, val.top1, val_ratio is 0",
        "nas.eval.trainer.best_metric, val.acc, nas.eval.trainer.best_metric",
        "nas.search.trainer.best_mode, biggest, nas.search.trainer.best_mode",
        "nas.search.trainer.checkpoint_every_steps, -1, checkpoint_every_steps",
        "nas.eval.test_weights, first, nas.eval.test_weights",
        "nas.eval.test_weights, best, best_metric is none",
        "common.memory_format, nhwc, 'auto, channels_last, contiguous'",
    })
    void aValueThatCannotWorkIsRefusedAtLoadNamingItsKey(String key, String value, String named) {
        ConfException e =
                assertThrows(
                        ConfException.class,
                        () -> {
                            Conf conf =
                                    Conf.load(
                                            AlgoConfs.confPaths("darts", false, null, null),
                                            List.of("--" + key, value));
                            ExperimentRunner.of(conf);
                            org.nas4j.core.ExperimentDir.defaultRoot(
                                    conf.getString("common.logdir"),
                                    conf.getString("common.experiment_name"),
                                    "");
                        });
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }
}
