package org.nas4j.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nas bench} prints one JSON line with the timings of real steps (never judged on speed).
 */
class BenchCommandTest {
    private static JsonObject bench(String phase, int steps, Object... extra) {
        E2e.Run run =
                E2e.nas(
                        E2e.args(
                                "bench",
                                "--algo",
                                "darts",
                                "--dataset",
                                "synthetic",
                                "--phase",
                                phase,
                                "--steps",
                                String.valueOf(steps),
                                "--warmup",
                                "1",
                                phase.equals("search") ? E2e.TINY_SEARCH : E2e.TINY_EVAL,
                                List.of(extra)));
        assertEquals(0, run.exit(), run.both());
        List<String> lines = run.out().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), run.out());
        return JsonParser.parseString(lines.get(0)).getAsJsonObject();
    }

    @Test
    void searchBenchTimesFirstAndSecondOrderStepsOnOneLine() {
        JsonObject j = bench("search", 2);
        assertEquals("search", j.get("phase").getAsString());
        for (String order : List.of("first_order", "second_order")) {
            JsonObject t = j.getAsJsonObject(order);
            assertTrue(t.get("images_per_s").getAsDouble() > 0, j.toString());
            assertTrue(t.get("step_ms_median").getAsDouble() > 0, j.toString());
            assertTrue(t.get("data_wait_share").getAsDouble() >= 0, j.toString());
        }
        assertTrue(j.get("rss_mb_peak").getAsLong() > 0, j.toString());
        assertEquals(2, j.get("steps").getAsInt());
    }

    @Test
    void evalBenchReportsImagesPerSecondAndMemoryOverMoreStepsThanAnEpochHolds() {
        // synthetic data gives 8 batches of 32 an epoch: 13 steps need two epochs
        JsonObject j = bench("eval", 12);
        assertEquals(12, j.get("steps").getAsInt());
        assertEquals("eval", j.get("phase").getAsString());
        assertTrue(j.get("images_per_s").getAsDouble() > 0, j.toString());
        assertTrue(j.get("rss_mb_end").getAsLong() > 0, j.toString());
        assertTrue(j.get("params").getAsLong() > 0, j.toString());
    }

    @Test
    void profileWritesTheOperatorTraceOfTheTimedSteps(@TempDir Path tmp) throws Exception {
        Path trace = tmp.resolve("traces/eval.json"); // its folder is created
        JsonObject j = bench("eval", 2, "--profile", trace);
        assertEquals(2, j.get("steps").getAsInt());
        // libtorch's legacy profiler writes the Chrome trace as a bare array of events
        String events = JsonParser.parseString(Files.readString(trace)).getAsJsonArray().toString();
        assertTrue(events.contains("aten::convolution"), "a convolution was profiled");
        assertTrue(events.contains("backward"), "the backward was profiled");
    }
}
