package org.nas4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.ConfException;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.DescJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

class NasCliTest {

    /** Exit code and captured output of one in-process run of {@code nas}. */
    record Run(int exit, String out, String err) {}

    static Run nas(String... args) {
        return run(NasCli.commandLine(), args);
    }

    static Run run(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void helpListsTheSubcommands() {
        Run run = nas("--help");
        assertEquals(0, run.exit(), run.err());
        for (String command : new String[] {"conf", "desc", "ops", "--debug", "--version"}) {
            assertTrue(run.out().contains(command), command + " missing in:\n" + run.out());
        }
    }

    @Test
    void versionNamesNas4jDjlAndPytorch() {
        Run run = nas("--version");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("nas4j " + NasVersion.NAS4J), run.out());
        assertTrue(run.out().contains("DJL 0.35.1"), run.out());
        assertTrue(run.out().contains("PyTorch 2.7.1"), run.out());
        assertFalse(NasVersion.NAS4J.contains("${"), "version resource was not filtered");
    }

    @Test
    void opsListsBuiltinOpsWithDescriptions() {
        Run run = nas("ops");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("sep_conv_3x3 +\\S.*")), run.out());
        assertTrue(run.out().contains("skip_connect"), run.out());
    }

    @Test
    void unknownOptionIsAUsageErrorWithAHint() {
        Run run = nas("ops", "--bogus");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("'--bogus'"), run.err());
        assertTrue(run.err().contains("nas ops --help"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void noCommandPrintsUsageAndFails() {
        Run run = nas();
        assertNotEquals(0, run.exit());
        assertTrue(run.err().contains("Usage: nas"), run.err());
    }

    /** A command that fails the way real commands do, to check the error handling alone. */
    @Command(name = "fail")
    static final class FailingCommand implements Callable<Integer> {
        @Parameters(index = "0")
        String kind;

        @Override
        public Integer call() throws Exception {
            switch (kind) {
                case "conf" -> throw new ConfException("There is no conf key 'a.b'.");
                case "io" -> Files.readString(Path.of("/nonexistent/nas4j/file.json"));
                default -> throw new IllegalStateException("boom");
            }
            return 0;
        }
    }

    private static Run failing(String... args) {
        CommandLine cmd = NasCli.commandLine();
        cmd.addSubcommand(new FailingCommand());
        return run(cmd, args);
    }

    @Test
    void nasExceptionIsOneLineOnStderrWithExitOne() {
        Run run = failing("fail", "conf");
        assertEquals(1, run.exit());
        assertEquals("nas: There is no conf key 'a.b'.", run.err().strip());
        assertEquals("", run.out());
    }

    @Test
    void debugAddsTheStackTrace() {
        Run run = failing("fail", "conf", "--debug");
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("nas: There is no conf key 'a.b'."), run.err());
        assertTrue(run.err().contains("\tat "), run.err());
        assertEquals(1, failing("--debug", "fail", "conf").exit());
    }

    @Test
    void missingFileIsNamedInOneLine() {
        Run run = failing("fail", "io");
        assertEquals(1, run.exit());
        assertEquals(
                "nas: No such file or directory: /nonexistent/nas4j/file.json.", run.err().strip());
    }

    @Test
    void unexpectedErrorSaysItIsABug() {
        Run run = failing("fail", "other");
        assertEquals(70, run.exit());
        assertTrue(run.err().contains("unexpected error"), run.err());
        assertTrue(run.err().contains("--debug"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    /** A toy search desc (3 cells, 1 reduction) saved in {@code dir}, built without the conf. */
    private static Path savedDesc(Path dir) {
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("dataset", Map.of("n_classes", 10, "channels", 1, "img_size", 28));
        md.put("n_cells", 3);
        md.put("n_reductions", 1);
        md.put("init_node_ch", 8);
        md.put("stem_multiplier", 2);
        md.put("n_nodes", 4);
        md.put("out_nodes", 4);
        md.put("model_stem0_op", "stem_conv3x3");
        md.put("model_stem1_op", "stem_conv3x3");
        md.put("cell_post_op", "concate_channels");
        md.put("model_post_op", "pool_adaptive_avg2d");
        md.put("logits_op", "linear");
        md.put("aux_weight", 0.0);
        Path file = dir.resolve("toy_desc.json");
        DescJson.save(new ModelDescBuilder().build(Conf.of(md, "test"), "search", null), file);
        return file;
    }

    @Test
    void descValidateAcceptsASavedDesc(@TempDir Path dir) {
        Path file = savedDesc(dir);
        Run run = nas("desc", "validate", file.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(
                file
                        + " is a valid nas4j model description (3 cells (1 reduction), 4 nodes per"
                        + " cell, 0 edges, 10 classes, input 1x28x28).",
                run.out().strip());
    }

    @Test
    void descShowSummarisesCellsAndStems(@TempDir Path dir) {
        Run run = nas("desc", "show", savedDesc(dir).toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("3 cells"), run.out());
        assertTrue(run.out().contains("stem_conv3x3"), run.out());
    }

    @Test
    void descValidateRefusesACorruptFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("corrupt.json");
        Files.writeString(file, "{\"format\": \"nas4j.model_desc\", \"version\": 1, \"model\": [");
        Run run = nas("desc", "validate", file.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("nas: "), run.err());
        assertTrue(run.err().contains("corrupt.json"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void descValidateNamesAnUnregisteredOpAndItsPath(@TempDir Path dir) throws Exception {
        Path file = savedDesc(dir);
        Files.writeString(file, Files.readString(file).replace("\"linear\"", "\"lineer\""));
        Run run = nas("desc", "validate", file.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("$.model.logits_op.name 'lineer'"), run.err());
        assertTrue(run.err().contains("linear"), run.err());
    }

    @Test
    void descValidateOfAMissingFileNamesIt(@TempDir Path dir) {
        Run run = nas("desc", "validate", dir.resolve("absent.json").toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("absent.json"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void confPrintsTheToyConfByDefault() {
        Run run = nas("conf", "--algo", "darts");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("n_cells: 3"), run.out());
        assertFalse(run.out().contains("n_cells: 8"), run.out());
    }

    @Test
    void confWithFullPrintsThePaperConf() {
        Run run = nas("conf", "--algo", "darts", "--full");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("n_cells: 8"), run.out());
        assertTrue(run.out().contains("n_cells: 20"), run.out());
    }

    @Test
    void confAppliesOverridesOfExistingKeys() {
        Run run = nas("conf", "--algo", "darts", "--nas.search.trainer.epochs", "7");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("epochs: 7"), run.out());
    }

    @Test
    void overrideOfAnUnknownKeyFailsNamingTheKey() {
        Run run = nas("conf", "--algo", "darts", "--nas.search.trainer.epochz", "1");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("nas.search.trainer.epochz"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertEquals("", run.out());
    }

    @Test
    void unknownAlgorithmListsTheAvailableOnes() {
        Run run = nas("conf", "--algo", "nonesuch");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("nonesuch"), run.err());
        assertTrue(run.err().contains("darts"), run.err());
    }

    @Test
    void descBuildValidateShowRoundTrip(@TempDir Path dir) {
        Path file = dir.resolve("search_desc.json");
        Run build = nas("desc", "build", "--algo", "darts", "-o", file.toString());
        assertEquals(0, build.exit(), build.err());
        assertTrue(build.out().contains(file.toString()), build.out());
        assertTrue(Files.isRegularFile(file));

        Run validate = nas("desc", "validate", file.toString());
        assertEquals(0, validate.exit(), validate.err());
        assertTrue(
                validate.out().startsWith(file + " is a valid nas4j model description (3 cells"),
                validate.out());

        Run show = nas("desc", "show", file.toString());
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().contains("3 cells"), show.out());
        // the supernet the search trains, not an edgeless skeleton of it
        assertTrue(build.out().contains("4 nodes per cell, 42 edges"), build.out());
        assertTrue(show.out().contains("mixed_op"), show.out());
        assertTrue(show.out().contains("Size: 42,282 parameters"), show.out());
    }

    @Test
    void descBuildWritesTheNetworkEachAlgorithmTrains(@TempDir Path dir) {
        for (String algo : List.of("pc_darts", "gs", "petridish", "random", "nasbench101")) {
            for (String phase : List.of("search", "eval")) {
                Path file = dir.resolve(algo + "_" + phase + ".json");
                Run build =
                        nas(
                                "desc",
                                "build",
                                "--algo",
                                algo,
                                "--phase",
                                phase,
                                "-o",
                                file.toString());
                assertEquals(0, build.exit(), algo + " " + phase + ": " + build.err());
                assertFalse(
                        build.out().contains(" 0 edges"), algo + " " + phase + ": " + build.out());
                Run show = nas("desc", "show", file.toString());
                assertTrue(
                        show.out().contains("Size: ") && !show.out().contains("Size: not counted"),
                        algo + " " + phase + ": " + show.out());
            }
        }
    }

    @Test
    void descBuildOfTheEvalPhaseTakesOverrides(@TempDir Path dir) {
        Path file = dir.resolve("eval_desc.json");
        Run build =
                nas(
                        "desc",
                        "build",
                        "--algo",
                        "darts",
                        "--phase",
                        "eval",
                        "--nas.eval.model_desc.n_cells",
                        "4",
                        "-o",
                        file.toString());
        assertEquals(0, build.exit(), build.err());
        assertTrue(build.out().contains("4 cells (2 reductions)"), build.out());
        assertEquals(0, nas("desc", "validate", file.toString()).exit());
        // DARTS_V2's cells by default; --genotype names others
        assertTrue(build.out().contains("4 nodes per cell, 32 edges"), build.out());
        Path pdarts = dir.resolve("pdarts.json");
        Run other =
                nas(
                        "desc",
                        "build",
                        "--algo",
                        "darts",
                        "--phase",
                        "eval",
                        "--genotype",
                        "PDARTS",
                        "-o",
                        pdarts.toString());
        assertEquals(0, other.exit(), other.err());
        assertTrue(
                nas("desc", "to-genotype", pdarts.toString()).out().contains("sep_conv_3x3"),
                "P-DARTS cells");
    }

    @Test
    void descBuildRefusesAnUnknownPhase(@TempDir Path dir) {
        Run run =
                nas(
                        "desc",
                        "build",
                        "--algo",
                        "darts",
                        "--phase",
                        "final",
                        "-o",
                        dir.resolve("x.json").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("'final'"), run.err());
    }
}
