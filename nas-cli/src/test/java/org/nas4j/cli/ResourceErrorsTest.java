package org.nas4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

class ResourceErrorsTest {
    /** A command failing the way a machine can: {@code oom}, {@code stack} or {@code torch}. */
    @Command(name = "fail")
    static final class Fail implements Callable<Integer> {
        @Parameters String how;

        @Override
        public Integer call() {
            switch (how) {
                case "oom" -> throw new OutOfMemoryError("Java heap space");
                case "stack" -> throw new StackOverflowError();
                case "torch" ->
                        throw new IllegalStateException(
                                "[enforce fail at alloc_cpu.cpp:119] err == 0. DefaultCPUAllocator:"
                                        + " can't allocate memory: you tried to allocate"
                                        + " 68719476736 bytes. Error code 12 (Cannot allocate"
                                        + " memory)");
                default ->
                        throw new java.io.UncheckedIOException(
                                new java.io.IOException(
                                        "Unterminated object at line 11 path $.h\u0001\u0002\uFFFD"
                                                + "\nSee https://example/troubleshooting"));
            }
        }
    }

    private static String[] run(String how) {
        StringWriter err = new StringWriter();
        CliErrors errors = new CliErrors();
        CommandLine cmd =
                new CommandLine(new Fail())
                        .setExecutionStrategy(ResourceErrors::execute)
                        .setExecutionExceptionHandler(errors)
                        .setParameterExceptionHandler(errors);
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(how);
        return new String[] {Integer.toString(exit), err.toString().strip()};
    }

    @Test
    void theHeapRunningOutIsOneLineNamingTheHeapAndHowToRaiseIt() {
        String[] r = run("oom");
        assertEquals("1", r[0], r[1]);
        assertEquals(1, r[1].lines().count(), r[1]);
        assertTrue(r[1].startsWith("nas: The Java heap ran out of memory"), r[1]);
        assertTrue(r[1].contains("NAS_XMX"), r[1]);
    }

    @Test
    void aStackOverflowIsAnInternalErrorNotAStackTrace() {
        String[] r = run("stack");
        assertEquals("70", r[0], r[1]);
        assertTrue(r[1].startsWith("nas: unexpected error: java.lang.IllegalStateException"), r[1]);
        assertFalse(r[1].contains("\tat "), r[1]);
    }

    @Test
    void aTensorLibtorchCannotAllocateIsAnInputErrorWithItsSize() {
        String[] r = run("torch");
        assertEquals("1", r[0], r[1]);
        assertTrue(r[1].startsWith("nas: libtorch could not allocate 64.0 GiB"), r[1]);
        assertTrue(r[1].contains("loader.batch"), r[1]);
    }

    @Test
    void aDamagedFilesBytesInAnIoMessageAreNeitherPrintedNorMultiLine() {
        String[] r = run("io");
        assertEquals("1", r[0], r[1]);
        assertEquals(1, r[1].lines().count(), r[1]);
        assertTrue(r[1].endsWith("path $.h???"), r[1]);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 15.7 GiB total)",
                "DefaultCPUAllocator: can't allocate memory: you tried to allocate 1024 bytes"
            })
    void allocationFailuresAreRecognisedWithTheirSize(String message) {
        String m = ResourceErrors.allocationFailure(new RuntimeException(message));
        assertTrue(m != null && (m.contains("2.00 GiB") || m.contains("1 KiB")), m);
        assertNull(ResourceErrors.allocationFailure(new RuntimeException("index 3 of 2")));
    }
}
