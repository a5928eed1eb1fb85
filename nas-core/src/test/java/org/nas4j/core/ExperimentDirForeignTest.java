package org.nas4j.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nas4j.core.io.DirLock;

class ExperimentDirForeignTest {
    @TempDir Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"summary.json", "report.html", "search", "eval"})
    void aUsersFileWithALayoutNameIsNotOverwritten(String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(dir.resolve(name), "my notes");
        String msg =
                assertThrows(NasException.class, () -> ExperimentDir.of(dir).refuseForeign())
                        .getMessage();
        assertTrue(msg.contains("'" + name + "'") && msg.contains(dir.toString()), msg);
    }

    @Test
    void aFileIsNotAnExperimentDirectory() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        String msg =
                assertThrows(NasException.class, () -> ExperimentDir.of(file).refuseForeign())
                        .getMessage();
        assertTrue(msg.contains("is a file"), msg);
    }

    @Test
    void newEmptyOtherAndEarlierRunsDirectoriesAreFine() throws IOException {
        ExperimentDir.of(tmp.resolve("new")).refuseForeign();
        ExperimentDir.of(Files.createDirectories(tmp.resolve("empty"))).refuseForeign();
        Path trial = Files.createDirectories(tmp.resolve("trial"));
        Files.writeString(trial.resolve("trial.log"), "started");
        ExperimentDir.of(trial).refuseForeign();
        Path locked = Files.createDirectories(tmp.resolve("locked"));
        Files.writeString(locked.resolve(DirLock.FILE), "1\n");
        Files.writeString(locked.resolve("summary.json"), "{}");
        ExperimentDir.of(locked).refuseForeign();
        Path older = Files.createDirectories(tmp.resolve("older/eval"));
        Files.writeString(older.resolve("config_used.yaml"), "common: {}\n");
        ExperimentDir.of(older.getParent()).refuseForeign();
    }
}
