package org.nas4j.core.io;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.ResultFormatException;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.result.EvalResult;
import org.nas4j.core.result.ResultJson;

/** A JSON file nested 100,000 levels deep is one message naming it, not a StackOverflowError. */
class JsonDepthTest {
    private static final String DEEP = "[".repeat(100_000) + "]".repeat(100_000);

    @Test
    void aDeepDescIsRefusedNamingTheFileAndTheLimit() {
        DescFormatException e =
                assertThrows(DescFormatException.class, () -> DescJson.fromJson(DEEP, "deep.json"));
        assertTrue(e.getMessage().startsWith("deep.json nests"), e.getMessage());
        assertTrue(e.getMessage().contains("512"), e.getMessage());
        String inObject = "{\"format\": " + DEEP + "}";
        assertThrows(DescFormatException.class, () -> DescJson.fromJson(inObject, "deep.json"));
    }

    @Test
    void aDeepResultRecordIsRefusedToo() {
        assertThrows(
                ResultFormatException.class,
                () ->
                        ResultJson.fromJson(
                                DEEP,
                                "result.json",
                                "nas4j.eval_result",
                                java.util.List.of(1),
                                EvalResult.class));
    }

    @Test
    void bracketsInsideStringsDoNotCount() {
        String s = "{\"a\": \"" + "[".repeat(10_000) + "\\\"\"}";
        assertNull(Json.tooDeep(s, "s.json"));
        assertNull(Json.tooDeep("[".repeat(512) + "]".repeat(512), "ok.json"));
    }
}
