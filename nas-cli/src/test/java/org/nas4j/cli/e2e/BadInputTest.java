package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.io.DirLock;

/**
 * What a user sees when the input is wrong: a non-zero exit and one sentence naming the problem,
 * never a stack trace.
 */
class BadInputTest {
    private static final int SIDE = 28;

    /** One line on stderr, starting {@code nas: }, exit code 1, no stack trace. */
    private static String oneLineError(E2e.Run run) {
        assertEquals(1, run.exit(), run.both());
        assertFalse(run.err().contains("\tat "), run.both());
        String err = run.err().strip();
        assertTrue(err.startsWith("nas: "), run.both());
        assertEquals(1, err.lines().count(), run.both());
        return err;
    }

    @Test
    void missingDatasetDirectoryIsNamed(@TempDir Path tmp) {
        E2e.Run run =
                E2e.nas(
                        E2e.args(
                                "search",
                                "--algo",
                                "darts",
                                "--exp-dir",
                                tmp.resolve("exp"),
                                "--dataset.dataroot",
                                "/nonexistent/fashion-mnist",
                                E2e.TINY_SEARCH));
        String err = oneLineError(run);
        assertTrue(err.contains("/nonexistent/fashion-mnist"), err);
        assertTrue(err.contains("dataset.dataroot"), err);
    }

    @Test
    void anEvalThatCannotFitIsRefusedBeforeTheSearchSpendsItsTime(@TempDir Path tmp) {
        Path exp = tmp.resolve("exp");
        E2e.Run run =
                E2e.nas(
                        E2e.syntheticSearch(
                                "run", "darts", exp, "--nas.eval.loader.batch", "500000"));
        assertEquals(1, run.exit(), run.both());
        assertTrue(run.err().contains("estimated before the search"), run.err());
        assertTrue(run.err().contains("Lower nas.eval.loader.batch"), run.err());
        assertFalse(Files.exists(exp.resolve("search")), "the search started");
    }

    @Test
    void truncatedIdxImageFileIsNamedWithItsExpectedSize(@TempDir Path tmp) throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        writeIdx(data, "train", 20);
        writeIdx(data, "t10k", 10);
        Path images = data.resolve("train-images-idx3-ubyte");
        long expected = 16 + 20L * SIDE * SIDE;
        assertEquals(expected, Files.size(images));
        byte[] bytes = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(bytes, bytes.length - 1000));

        E2e.Run run =
                E2e.nas(
                        E2e.args(
                                "search",
                                "--algo",
                                "darts",
                                "--exp-dir",
                                tmp.resolve("exp"),
                                "--dataset.dataroot",
                                data,
                                E2e.TINY_SEARCH));
        String err = oneLineError(run);
        assertTrue(err.contains(images.toString()), err);
        assertTrue(err.contains(Long.toString(expected)), err);
        assertTrue(err.contains("truncated"), err);
    }

    /** Writes a valid IDX pair {@code <prefix>-images-idx3-ubyte}, {@code -labels-idx1-ubyte}. */
    private static void writeIdx(Path dir, String prefix, int n) throws IOException {
        ByteBuffer images = ByteBuffer.allocate(16 + n * SIDE * SIDE);
        images.putInt(2051).putInt(n).putInt(SIDE).putInt(SIDE);
        for (int i = 16; i < images.capacity(); i++) {
            images.put(i, (byte) (i * 31));
        }
        Files.write(dir.resolve(prefix + "-images-idx3-ubyte"), images.array());
        ByteBuffer labels = ByteBuffer.allocate(8 + n);
        labels.putInt(2049).putInt(n);
        for (int i = 0; i < n; i++) {
            labels.put(8 + i, (byte) (i % 10));
        }
        Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"), labels.array());
    }

    @Test
    void nanLossInEpochTwoStopsAndKeepsTheCheckpointOfEpochOne(@TempDir Path tmp)
            throws IOException {
        // The step schedule multiplies the rate by 1e35 after epoch 1: epoch 1 trains normally,
        // epoch 2's first update blows the weights up and the next loss is not finite.
        Path conf = tmp.resolve("exploding_lr.yaml");
        Files.writeString(
                conf,
                String.join(
                        "\n",
                        "nas:",
                        "  eval:",
                        "    trainer:",
                        "      lr_schedule:",
                        "        type: 'step'",
                        "        step_size: 1",
                        "        gamma: 1.0e35",
                        ""));
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
                                "--conf",
                                conf,
                                "--exp-dir",
                                exp,
                                E2e.TINY_EVAL,
                                "--nas.eval.loader.max_batches",
                                "4",
                                "--nas.eval.trainer.epochs",
                                "2"));
        String err = oneLineError(run);
        assertTrue(err.matches(".*loss became (NaN|-?Infinity) at epoch 2 of 2.*"), err);
        assertTrue(err.contains("step "), err);
        assertTrue(err.contains("last good checkpoint (after epoch 1) is kept"), err);

        Path eval = exp.resolve("eval");
        assertTrue(Files.isRegularFile(eval.resolve("checkpoint/checkpoint.bin")));
        assertEquals(1, E2e.metricsEpochs(eval), "only the good epoch is recorded");
        assertFalse(Files.exists(eval.resolve("model.params")));
        assertFalse(Files.exists(eval.resolve("result.json")));
    }

    @Test
    void unknownAlgorithmListsTheKnownOnes(@TempDir Path tmp) {
        E2e.Run run = E2e.nas(E2e.args("run", "--algo", "nope", "--exp-dir", tmp.resolve("exp")));
        String err = oneLineError(run);
        assertTrue(err.contains("'nope'") || err.contains("nope"), err);
        assertTrue(err.contains("darts"), err);
    }

    @Test
    void corruptFinalDescIsRefusedNamingTheFile(@TempDir Path tmp) throws IOException {
        Path corrupt = tmp.resolve("corrupt.json");
        Files.writeString(
                corrupt, "{\"format\": \"nas4j.model_desc\", \"version\": 1, \"model\": {");
        E2e.Run run =
                E2e.nas(
                        E2e.args(
                                "eval",
                                "--algo",
                                "darts",
                                "--dataset",
                                "synthetic",
                                "--no-resume",
                                "--final-desc",
                                corrupt,
                                "--exp-dir",
                                tmp.resolve("exp"),
                                E2e.TINY_EVAL));
        String err = oneLineError(run);
        assertTrue(err.contains("corrupt.json"), err);
        assertFalse(Files.exists(tmp.resolve("exp/eval/result.json")));
    }

    @Test
    void aSecondRunOnADirectoryInUseFailsAtOnceNamingTheHolder(@TempDir Path tmp) {
        Path exp = tmp.resolve("exp");
        try (DirLock held = DirLock.acquire(exp)) {
            E2e.Run run = E2e.nas(E2e.syntheticEval(exp));
            String err = oneLineError(run);
            assertTrue(err.contains("in use by another nas process"), err);
            assertTrue(err.contains("pid " + ProcessHandle.current().pid()), err);
            assertFalse(Files.exists(exp.resolve("eval")), "nothing written by the refused run");
        }
    }

    @Test
    void fileNameKeyOfAnOlderConfIsRefusedWhenItAsksForAnotherName(@TempDir Path tmp)
            throws IOException {
        Path conf = tmp.resolve("old_names.yaml");
        Files.writeString(
                conf,
                String.join("\n", "nas:", "  eval:", "    full_desc_filename: 'mine.json'", ""));
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
                                "--conf",
                                conf,
                                "--exp-dir",
                                exp,
                                E2e.TINY_EVAL));
        String err = oneLineError(run);
        assertTrue(err.contains("nas.eval.full_desc_filename"), err);
        assertTrue(err.contains("old_names.yaml"), err);
        assertTrue(err.contains("'full_model_desc.json'"), err);
        assertFalse(Files.exists(exp.resolve("eval")), "nothing is written");
    }
}
