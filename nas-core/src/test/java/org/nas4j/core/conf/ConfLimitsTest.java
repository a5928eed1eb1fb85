package org.nas4j.core.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.ConfException;

/** Hostile confs end in one message naming the source and the limit, never a crash or a hang. */
class ConfLimitsTest {
    private static ConfException refused(String yaml) {
        return assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> assertThrows(ConfException.class, () -> Conf.fromYaml(yaml, "hostile.yaml")));
    }

    /**
     * Five levels of nine aliases over 100 scalars: 45 aliases (under SnakeYAML's 50), 5.9M values.
     */
    @Test
    void anAliasBombUnderTheAliasLimitIsRefusedByItsExpandedSize() {
        StringBuilder y =
                new StringBuilder(
                        "a0: &a0 ["
                                + String.join(", ", java.util.Collections.nCopies(100, "x"))
                                + "]\n");
        for (int i = 1; i <= 5; i++) {
            String p = "*a" + (i - 1);
            y.append("a").append(i).append(": &a").append(i).append(" [");
            y.append(String.join(", ", java.util.Collections.nCopies(9, p))).append("]\n");
        }
        ConfException e = refused(y.toString());
        assertTrue(e.getMessage().contains("hostile.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("1000000 values"), e.getMessage());
    }

    @Test
    void deepNestingIsRefusedWithTheDepthLimit() {
        String y = "a: " + "[".repeat(200) + "]".repeat(200) + "\n";
        ConfException e = refused(y);
        assertTrue(e.getMessage().contains("hostile.yaml"), e.getMessage());
    }

    @Test
    void anIntegerPastIntIsAnErrorNamingTheRange() {
        Conf c = Conf.fromYaml("n: 3000000000\nbig: 123456789012345678901234567890\n", "big.yaml");
        ConfException e = assertThrows(ConfException.class, () -> c.getInt("n"));
        assertTrue(e.getMessage().contains("does not fit an int"), e.getMessage());
        assertTrue(e.getMessage().contains("2147483647"), e.getMessage());
        e = assertThrows(ConfException.class, () -> c.getInt("big"));
        assertTrue(e.getMessage().contains("does not fit an int"), e.getMessage());
        assertThrows(ConfException.class, () -> c.getLong("big"));
    }

    @Test
    void aCopyChainThousandsLongIsRefusedNotAStackOverflow() {
        List<String> lines = new ArrayList<>(); // each key copies the next: resolved depth first
        for (int i = 0; i < 4999; i++) {
            lines.add("k" + i + ": {_copy: '/k" + (i + 1) + "'}");
        }
        lines.add("k4999: {v: 1}");
        ConfException e = refused(String.join("\n", lines) + "\n");
        assertTrue(e.getMessage().contains("more than 64"), e.getMessage());
    }

    /** Forty levels of keys that each hold the one before twice: 2^40 characters. */
    @Test
    void aVariableBombIsRefusedByTheTextItExpandsTo() {
        StringBuilder y = new StringBuilder("a0: 'xxxxxxxxxx'\n");
        for (int i = 1; i <= 40; i++) {
            y.append("a").append(i).append(": '${a").append(i - 1).append("}${a");
            y.append(i - 1).append("}'\n");
        }
        ConfException e = refused(y.toString());
        assertTrue(e.getMessage().contains("hostile.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains(Yamls.MAX_CODE_POINTS + " characters"), e.getMessage());
    }

    /** The same with lists: each level is a list of the one before, twice. */
    @Test
    void aListVariableBombIsRefusedByTheValuesItExpandsTo() {
        StringBuilder y = new StringBuilder("a0: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n");
        for (int i = 1; i <= 40; i++) {
            y.append("a").append(i).append(": ['${a").append(i - 1).append("}', '${a");
            y.append(i - 1).append("}']\n");
        }
        ConfException e = refused(y.toString());
        assertTrue(e.getMessage().contains("1000000 values"), e.getMessage());
    }

    /** Forty levels of mappings that each copy the one before twice: 10 * 2^40 values. */
    @Test
    void aCopyBombIsRefusedByTheValuesItExpandsTo() {
        StringBuilder y = new StringBuilder("a0: {v: [1, 2, 3, 4, 5, 6, 7, 8, 9]}\n");
        for (int i = 1; i <= 40; i++) {
            y.append("a").append(i).append(": {l: {_copy: /a").append(i - 1);
            y.append("}, r: {_copy: /a").append(i - 1).append("}}\n");
        }
        ConfException e = refused(y.toString());
        assertTrue(e.getMessage().contains("hostile.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("1000000 values"), e.getMessage());
    }

    /** Forty files that each include the next twice: 2^40 files read. */
    @Test
    void anIncludeBombIsRefusedByTheFilesItReads(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 40; i++) {
            String next = "f" + (i + 1) + ".yaml";
            Files.writeString(
                    dir.resolve("f" + i + ".yaml"),
                    "__include__: [" + next + ", " + next + "]\nk" + i + ": 1\n");
        }
        Files.writeString(dir.resolve("f40.yaml"), "k40: 1\n");
        String first = dir.resolve("f0.yaml").toString();
        ConfException e =
                assertTimeoutPreemptively(
                        Duration.ofSeconds(20),
                        () ->
                                assertThrows(
                                        ConfException.class,
                                        () -> Conf.load(List.of(first), List.of())));
        assertTrue(e.getMessage().contains("f0.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains(ConfLoader.MAX_FILES + " conf files"), e.getMessage());
    }

    @Test
    void anIntegerPastLongOrDoubleIsAnErrorNamingTheRange() {
        Conf c =
                Conf.fromYaml(
                        "big: 1" + "0".repeat(30) + "\nhuge: 1" + "0".repeat(400) + "\n", "b.yaml");
        ConfException e = assertThrows(ConfException.class, () -> c.getLong("big"));
        assertTrue(e.getMessage().contains(String.valueOf(Long.MAX_VALUE)), e.getMessage());
        assertTrue(e.getMessage().contains("b.yaml:1"), e.getMessage());
        assertEquals(1e30, c.getDouble("big"));
        e = assertThrows(ConfException.class, () -> c.getDouble("huge"));
        assertTrue(e.getMessage().contains("b.yaml:2"), e.getMessage());
        assertTrue(e.getMessage().contains("double"), e.getMessage());
    }

    @Test
    void aVariableChainThousandsLongIsRefusedNotAStackOverflow() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 4999; i++) {
            lines.add("k" + i + ": '${k" + (i + 1) + "}'");
        }
        lines.add("k4999: 1");
        ConfException e = refused(String.join("\n", lines) + "\n");
        assertTrue(e.getMessage().contains("more than 64"), e.getMessage());
        assertTrue(e.getMessage().contains("k0 -> k1 -> k2"), e.getMessage());
    }
}
