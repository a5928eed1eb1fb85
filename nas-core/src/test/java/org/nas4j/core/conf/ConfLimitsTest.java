package org.nas4j.core.conf;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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
}
