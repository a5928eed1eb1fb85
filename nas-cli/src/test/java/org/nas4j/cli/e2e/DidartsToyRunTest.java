package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;

/** {@code nas run --algo didarts} on real Fashion-MNIST with tiny networks. */
class DidartsToyRunTest {
    @Test
    void tinyRunSearchesSingleLevelFinalizesAndEvaluates(@TempDir Path tmp) {
        Assumptions.assumeTrue(
                Files.isDirectory(E2e.FASHION_MNIST),
                "Fashion-MNIST is not installed in " + E2e.FASHION_MNIST);
        Path exp = tmp.resolve("exp");
        E2e.Run run =
                E2e.nas(
                        E2e.args(
                                "run",
                                "--algo",
                                "didarts",
                                "--exp-dir",
                                exp,
                                E2e.TINY_SEARCH,
                                E2e.TINY_EVAL,
                                // the toy overlay's warm-up epoch would leave no alpha step
                                "--nas.search.trainer.arch_warmup_epochs",
                                "0"));
        assertEquals(0, run.exit(), run.both());
        assertTrue(run.out().contains("test accuracy: top-1"), run.out());
        assertTrue(Files.isRegularFile(exp.resolve("search/checkpoint/checkpoint.bin")));

        ModelDesc finalDesc = DescJson.load(exp.resolve("search/final_model_desc.json"));
        DartsToyRunTest.assertFinalCellsAreDiscrete(finalDesc, 2);

        Map<String, Object> summary = E2e.readJson(exp.resolve("summary.json"));
        assertEquals("didarts", summary.get("algo"));
        Map<?, ?> eval = (Map<?, ?>) summary.get("eval");
        assertTrue(((Number) eval.get("test_top1")).doubleValue() > 0.0, "eval: " + eval);
    }
}
