package org.nas4j.algos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.nas4j.core.ConfException;
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
        for (String command : new String[] {"ops", "--debug", "--version"}) {
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
}
