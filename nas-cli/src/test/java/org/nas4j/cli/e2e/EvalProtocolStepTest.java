package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nas4j.core.conf.AlgoConfs;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;

/**
 * The paper protocol of every shipped full conf trains: one step of its eval network, shrunk in
 * depth and width only, with the aux tower, drop path and cutout exactly as the conf sets them.
 * (The aux loss once turned the loss into float64 and failed at the first step of every {@code
 * --full} evaluation.)
 */
class EvalProtocolStepTest {
    /** The full confs whose eval network is a DARTS-style cell network (nasbench101's is not). */
    static List<String> fullConfs() {
        return AlgoConfs.algorithms(true).stream()
                .filter(
                        a ->
                                Conf.load(AlgoConfs.confPaths(a, true, null, null), List.of())
                                        .has("nas.eval.model_desc.n_cells"))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("fullConfs")
    void oneStepOfTheFullEvalProtocolTrains(String algo, @TempDir Path tmp) {
        Assumptions.assumeTrue(
                Files.isDirectory(E2e.FASHION_MNIST), "Fashion-MNIST (dataset-fashion-mnist)");
        Conf full = Conf.load(AlgoConfs.confPaths(algo, true, null, null), List.of());
        double aux = full.getDouble("nas.eval.model_desc.aux_weight");
        Path exp = tmp.resolve("exp");
        E2e.Run run =
                E2e.nas(
                        E2e.args(
                                "eval",
                                "--algo",
                                algo,
                                "--full",
                                "--genotype",
                                "DARTS_V2",
                                "--exp-dir",
                                exp,
                                "--nas.eval.model_desc.n_cells",
                                "3",
                                "--nas.eval.model_desc.init_node_ch",
                                "4",
                                "--nas.eval.loader.batch",
                                "8",
                                "--nas.eval.loader.max_batches",
                                "1",
                                "--nas.eval.trainer.epochs",
                                "1",
                                "--common.log_interval",
                                "1000"));
        assertEquals(0, run.exit(), run.both());
        assertTrue(Files.isRegularFile(exp.resolve("eval/result.json")), run.both());
        ModelDesc trained = DescJson.load(exp.resolve("eval/full_model_desc.json"));
        boolean hasAux = trained.auxTowers().stream().anyMatch(Objects::nonNull);
        if (aux > 0) {
            assertTrue(hasAux, algo + ": aux_weight " + aux + " but the network has no aux tower");
            assertNotNull(full.get("nas.eval.trainer.drop_path_prob"));
        } else {
            assertFalse(hasAux);
        }
    }
}
