package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.ExperimentDir;
import org.nas4j.core.result.EvalResult;
import org.nas4j.core.result.ExperimentSummary;

/**
 * A rerun of a finished experiment (resume is the default) re-reads each finished phase's {@code
 * result.json} as its record instead of training again, also when an older nas4j wrote it without a
 * format and version.
 */
class FinishedPhaseResumeTest {
    @Test
    void rerunReadsTheFinishedEvalBackEvenFromAnUnversionedResult(@TempDir Path tmp)
            throws Exception {
        Path exp = tmp.resolve("exp");
        List<String> args =
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
                        E2e.TINY_EVAL);
        E2e.Run first = E2e.nas(args);
        assertEquals(0, first.exit(), first.both());
        ExperimentDir dir = ExperimentDir.of(exp);
        EvalResult recorded = EvalResult.load(dir.eval().result());

        // what a nas4j before versioned results wrote: the same fields, no format or version
        Path result = dir.eval().result();
        String old =
                Files.readString(result)
                        .replace("\"format\": \"nas4j.eval_result\",", "")
                        .replaceAll("\"version\": [0-9]+,", "");
        Files.writeString(result, old);
        Files.delete(dir.eval().modelParams()); // a retrained network would write it again

        E2e.Run again = E2e.nas(args);
        assertEquals(0, again.exit(), again.both());
        assertTrue(Files.notExists(dir.eval().modelParams()), "the eval was not redone");
        assertEquals(recorded, ExperimentSummary.load(dir.summary()).eval());
        String line =
                String.format(
                        java.util.Locale.ROOT,
                        "test accuracy: top-1 %.2f%%",
                        100 * recorded.testTop1());
        assertTrue(again.out().contains(line), again.out());
    }

    /**
     * A finished phase is reused only with the conf it ran with: another value of a key that shapes
     * it is refused, naming the key and the two ways out; more epochs (extending a run) and
     * --no-resume are accepted.
     */
    @Test
    void aFinishedPhaseIsReusedOnlyWithTheConfItRanWith(@TempDir Path tmp) throws Exception {
        Path exp = tmp.resolve("exp");
        List<String> args = E2e.syntheticEval(exp);
        E2e.Run first = E2e.nas(args);
        assertEquals(0, first.exit(), first.both());

        List<String> otherLr = new java.util.ArrayList<>(args);
        otherLr.addAll(List.of("--nas.eval.trainer.optimizer.lr", "0.5"));
        E2e.Run refused = E2e.nas(otherLr);
        assertEquals(1, refused.exit(), refused.both());
        assertTrue(refused.err().contains("nas.eval.trainer.optimizer.lr: "), refused.err());
        assertTrue(refused.err().contains(" -> 0.5"), refused.err());
        assertTrue(refused.err().contains("--no-resume"), refused.err());
        assertTrue(refused.err().contains("--exp-dir"), refused.err());

        List<String> fresh = new java.util.ArrayList<>(otherLr);
        fresh.add("--no-resume");
        E2e.Run replaced = E2e.nas(fresh);
        assertEquals(0, replaced.exit(), replaced.both());

        List<String> longer = new java.util.ArrayList<>(fresh.subList(0, fresh.size() - 1));
        longer.addAll(List.of("--nas.eval.trainer.epochs", "2"));
        E2e.Run extended = E2e.nas(longer);
        assertEquals(0, extended.exit(), extended.both());
    }
}
