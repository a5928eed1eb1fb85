package org.nas4j.algos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nas4j.core.ConfException;
import org.nas4j.core.conf.AlgoConfs;
import org.nas4j.core.conf.Conf;
import org.nas4j.eval.TrialBudget;

/**
 * {@code nas run --algo NAME --trials N} needs {@code nas.trials}: every search algorithm's conf,
 * toy and full, ships one (darts had none, so its trial search failed before training).
 */
class TrialBudgetConfsTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "darts",
                "didarts",
                "gs",
                "xnas",
                "divnas",
                "pc_darts",
                "random",
                "nasbench101"
            })
    void everySearchAlgorithmShipsAValidTrialBudget(String algo) {
        for (boolean full : new boolean[] {false, true}) {
            Conf conf = Conf.load(AlgoConfs.confPaths(algo, full, null, null), List.of());
            TrialBudget b = TrialBudget.fromConf(conf);
            assertTrue(b.evalEpochs() >= 1, algo);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1"})
    void aBudgetThatCannotRankTrialsIsRefusedNamingTheSection(String epochs) {
        Conf conf =
                Conf.load(
                        AlgoConfs.confPaths("darts", false, null, null),
                        List.of("--nas.trials.eval_epochs", epochs));
        ConfException e = assertThrows(ConfException.class, () -> TrialBudget.fromConf(conf));
        assertTrue(e.getMessage().contains("needs eval_epochs >= 1"), e.getMessage());
        assertEquals(
                0.1,
                TrialBudget.fromConf(
                                Conf.load(
                                        AlgoConfs.confPaths("darts", false, null, null), List.of()))
                        .valRatio());
    }
}
