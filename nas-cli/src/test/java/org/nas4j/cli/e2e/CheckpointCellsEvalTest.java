package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.io.Json;

/**
 * {@code nas eval} with {@code nas.eval.trainer.checkpoint_cells} (the first cells recomputed in
 * the backward) trains as without: the same losses and gradient norms, drop path and the aux tower
 * included; values the network cannot take are refused naming the key.
 */
class CheckpointCellsEvalTest {
    private static final List<String> PROTOCOL =
            List.of(
                    "--dataset.img_size", // the aux tower's 5x5 pool needs 6x6 after a reduction
                    "16",
                    "--nas.eval.model_desc.aux_weight",
                    "0.4",
                    "--nas.eval.trainer.drop_path_prob",
                    "0.3");

    @Test
    void recomputingTheFirstCellsTrainsAsKeepingThem(@TempDir Path tmp) {
        JsonObject plain = epoch(tmp.resolve("plain"), "0");
        JsonObject recomputed = epoch(tmp.resolve("recomputed"), "2");
        double loss = plain.getAsJsonObject("train").get("loss").getAsDouble();
        assertEquals(
                loss,
                recomputed.getAsJsonObject("train").get("loss").getAsDouble(),
                1e-4 * Math.abs(loss));
        double norm = plain.get("gradNorm").getAsDouble();
        assertTrue(norm > 0);
        assertEquals(norm, recomputed.get("gradNorm").getAsDouble(), 1e-4 * norm);
    }

    /** The one epoch of {@code metrics.json} of an evaluation recomputing {@code cells} cells. */
    private static JsonObject epoch(Path exp, String cells) {
        E2e.Run run =
                E2e.nas(
                        E2e.syntheticEval(
                                exp, PROTOCOL, "--nas.eval.trainer.checkpoint_cells", cells));
        assertEquals(0, run.exit(), run.both());
        String text = Json.toJson(Json.readMap(exp.resolve("eval/metrics.json")));
        JsonObject metrics = Json.gson().fromJson(text, JsonObject.class);
        return metrics.getAsJsonArray("epochs").get(0).getAsJsonObject();
    }

    @Test
    void cellsPastTheAuxTowerOrANegativeCountAreRefused(@TempDir Path tmp) {
        // three cells, the aux tower after cell 2: at most 3 cells may be recomputed
        for (String bad : new String[] {"4", "-1"}) {
            Path exp = tmp.resolve("exp" + bad);
            E2e.Run run =
                    E2e.nas(
                            E2e.syntheticEval(
                                    exp, PROTOCOL, "--nas.eval.trainer.checkpoint_cells", bad));
            assertEquals(1, run.exit(), run.both());
            assertTrue(run.err().contains("checkpoint_cells"), run.both());
            assertFalse(Files.exists(exp.resolve("eval/model.params")), run.both());
        }
    }
}
