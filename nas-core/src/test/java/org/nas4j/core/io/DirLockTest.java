package org.nas4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.NasException;

class DirLockTest {
    /** Holds the lock of {@code args[0]} until its standard input closes. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            try (DirLock lock = DirLock.acquire(Path.of(args[0]))) {
                System.out.println("locked");
                System.out.flush();
                System.in.read();
            }
        }
    }

    @Test
    void aSecondLockInTheSameProcessIsRefusedUntilTheFirstIsReleased(@TempDir Path tmp) {
        Path exp = tmp.resolve("exp");
        try (DirLock first = DirLock.acquire(exp)) {
            NasException e = assertThrows(NasException.class, () -> DirLock.acquire(exp));
            assertTrue(e.getMessage().contains("in use by another nas process"), e.getMessage());
            assertTrue(
                    e.getMessage().contains("pid " + ProcessHandle.current().pid()),
                    e.getMessage());
        }
        DirLock.acquire(exp).close();
    }

    @Test
    void anotherProcessHoldingTheLockIsNamedByItsPid(@TempDir Path tmp) throws Exception {
        Path exp = tmp.resolve("exp");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p =
                new ProcessBuilder(
                                List.of(
                                        java,
                                        "-cp",
                                        System.getProperty("java.class.path"),
                                        Holder.class.getName(),
                                        exp.toString()))
                        .redirectErrorStream(true)
                        .start();
        try (BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("locked", r.readLine());
            NasException e = assertThrows(NasException.class, () -> DirLock.acquire(exp));
            assertTrue(e.getMessage().contains("pid " + p.pid()), e.getMessage());
            p.getOutputStream().close();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        DirLock.acquire(exp).close(); // released when the holder exits
    }

    @Test
    void aKilledHolderLeavesTheDirectoryFree(@TempDir Path tmp) throws Exception {
        Path exp = tmp.resolve("exp");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p =
                new ProcessBuilder(
                                java,
                                "-cp",
                                System.getProperty("java.class.path"),
                                Holder.class.getName(),
                                exp.toString())
                        .start();
        BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("locked", r.readLine());
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9
        DirLock.acquire(exp).close();
    }
}
