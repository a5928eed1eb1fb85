package org.nas4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.DescJson;

class TextFilesTest {
    @TempDir Path dir;

    @Test
    void readsAFileUpToTheLimit() throws IOException {
        Path f = Files.writeString(dir.resolve("a.json"), "{\"x\": 1}");
        assertEquals("{\"x\": 1}", TextFiles.read(f, "JSON file", 8));
        String msg =
                assertThrows(NasException.class, () -> TextFiles.read(f, "JSON file", 7))
                        .getMessage();
        assertTrue(msg.contains(f.toString()) && msg.contains("7 bytes"), msg);
    }

    @Test
    void aHugeSparseDescIsRefusedWithoutReadingIt() throws IOException {
        Path f = dir.resolve("huge.json");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(3L << 30); // sparse: no disk used; Files.readString would throw an Error
        }
        String msg = assertThrows(NasException.class, () -> DescJson.load(f)).getMessage();
        assertTrue(msg.contains("huge.json") && msg.contains("3.0 GiB"), msg);
        assertTrue(msg.contains("256 MiB"), msg);
    }

    @Test
    void aDirectoryOrDeviceIsNamedNotRead() {
        String msg = assertThrows(NasException.class, () -> DescJson.load(dir)).getMessage();
        assertTrue(msg.contains("is a directory"), msg);
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        msg = assertThrows(NasException.class, () -> DescJson.load(zero)).getMessage();
        assertTrue(msg.contains("/dev/zero") && msg.contains("not a regular file"), msg);
    }

    @Test
    void aMissingFileStaysAnIoErrorNamingIt() {
        Path missing = dir.resolve("missing.json");
        UncheckedIOException e =
                assertThrows(UncheckedIOException.class, () -> TextFiles.read(missing, "desc"));
        assertTrue(e.getCause() instanceof NoSuchFileException);
        assertTrue(e.getMessage().contains("missing.json"), e.getMessage());
    }
}
