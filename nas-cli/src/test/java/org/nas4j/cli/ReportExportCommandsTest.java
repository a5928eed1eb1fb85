package org.nas4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.cli.NasCliTest.Run;
import org.nas4j.cli.report.FakeExperiment;

/** {@code nas report} and {@code nas export} on the command line. */
class ReportExportCommandsTest {

    @Test
    void reportWritesReportHtml(@TempDir Path dir) throws Exception {
        Path exp = FakeExperiment.write(dir.resolve("exp"));
        Run run = NasCliTest.nas("report", exp.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.isRegularFile(exp.resolve("report.html")));
        assertTrue(run.out().contains("report.html"), run.out());
    }

    @Test
    void reportOfADirectoryWithoutResultsFailsWithOneMessage(@TempDir Path dir) {
        Run run = NasCliTest.nas("report", dir.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("nas: "), run.err());
        assertTrue(run.err().contains("holds no experiment results"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        Run missing = NasCliTest.nas("report", dir.resolve("nope").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }

    @Test
    void exportOfARunWithoutWeightsFailsWithOneMessage(@TempDir Path dir) throws Exception {
        Path exp = FakeExperiment.write(dir.resolve("exp"));
        Run run = NasCliTest.nas("export", "--exp", exp.toString(), "-o", dir + "/out");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("model.params does not exist"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(Files.exists(dir.resolve("out/export.json")));
    }

    @Test
    void exportIntoADirectoryWithAUsersFilesIsRefusedUnlessForced(@TempDir Path dir)
            throws Exception {
        Path exp = FakeExperiment.write(dir.resolve("exp"));
        Path out = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(out.resolve("README.md"), "my notes\n");
        Run run = NasCliTest.nas("export", "--exp", exp.toString(), "-o", out.toString());
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("is not empty") && run.err().contains("--force"), run.err());
        assertEquals("my notes\n", Files.readString(out.resolve("README.md")));
        // with --force the export is attempted (and here fails only for the missing weights)
        Run forced =
                NasCliTest.nas("export", "--exp", exp.toString(), "-o", out.toString(), "--force");
        assertTrue(forced.err().contains("model.params does not exist"), forced.err());
    }

    @Test
    void helpListsTheNewCommands() {
        Run root = NasCliTest.nas("--help");
        assertTrue(root.out().contains("export") && root.out().contains("report"), root.out());
        Run desc = NasCliTest.nas("desc", "--help");
        for (String c : new String[] {"draw", "from-genotype", "to-genotype", "import"}) {
            assertTrue(desc.out().contains(c), c + " missing in:\n" + desc.out());
        }
    }
}
