package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;

/** {@code nas eval --genotype DARTS_V2}: a published cell trained and tested without a search. */
class GenotypeEvalTest {
    @Test
    void evalOfDartsV2TrainsTheCellAndReportsTestAccuracy(@TempDir Path tmp) {
        Path exp = tmp.resolve("exp");
        E2e.Run run =
                E2e.nas(
                        E2e.args(
                                "eval",
                                "--algo",
                                "darts",
                                "--dataset",
                                "synthetic",
                                "--genotype",
                                "DARTS_V2",
                                "--exp-dir",
                                exp,
                                E2e.TINY_EVAL,
                                // 8 steps an epoch. Train accuracy is 100% after 2 epochs, but
                                // test accuracy (BatchNorm's running statistics) stays at chance
                                // up to epoch 4, 0.51 after 5 and 0.99 after 6.
                                "--nas.eval.trainer.epochs",
                                "6"));
        assertEquals(0, run.exit(), run.both());
        assertTrue(run.out().contains("test accuracy: top-1"), run.out());
        assertTrue(run.out().contains("sep_conv_3x3"), "DARTS_V2's cells printed:\n" + run.out());
        assertFalse(Files.exists(exp.resolve("search")), "no search for a given genotype");

        Path eval = exp.resolve("eval");
        assertTrue(Files.isRegularFile(eval.resolve("test.json")));
        assertTrue(Files.isRegularFile(eval.resolve("model.params")));
        ModelDesc full = DescJson.load(eval.resolve("full_model_desc.json"));
        assertEquals(3, full.cells().size());
        CellDesc normal = full.cells().get(0);
        // DARTS_V2's normal cell: node 0 = sep_conv_3x3(c_{k-2}) + sep_conv_3x3(c_{k-1}).
        assertEquals("sep_conv_3x3", normal.nodes().get(0).edges().get(0).op().name());
        assertEquals("sep_conv_3x3", normal.nodes().get(0).edges().get(1).op().name());

        Map<?, ?> result = (Map<?, ?>) E2e.readJson(exp.resolve("summary.json")).get("eval");
        double top1 = ((Number) result.get("test_top1")).doubleValue();
        assertEquals(
                top1, ((Number) E2e.readJson(eval.resolve("test.json")).get("top1")).doubleValue());
        // Chance is 0.25 on the 4 synthetic classes; measured 0.99.
        assertTrue(top1 > 0.5, "test top-1 " + top1);
    }
}
