package org.nas4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.NasException;
import org.nas4j.core.io.Json;
import org.nas4j.train.EpochMetrics;
import org.nas4j.train.SplitMetrics;

class MetricsHistoryTest {

    /** Serialised exactly as the trainer's MetricsJsonListener does: the records through Json. */
    @Test
    void readsTheTrainersMetricsJson(@TempDir Path dir) {
        EpochMetrics e0 =
                new EpochMetrics(
                        0,
                        40,
                        0.025,
                        300,
                        4.5,
                        1.1,
                        new SplitMetrics(2.0, 0.3, 0.7, 1280),
                        null,
                        null);
        EpochMetrics e1 =
                new EpochMetrics(
                                1,
                                40,
                                0.02,
                                320,
                                4.4,
                                1.0,
                                new SplitMetrics(1.5, 0.45, 0.8, 1280),
                                new SplitMetrics(1.6, 0.4, 0.8, 640),
                                null)
                        .withTest(new SplitMetrics(1.7, 0.38, 0.8, 1000));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("epochs", List.of(e0, e1));
        doc.put("best", e1);
        doc.put("last", e1);
        doc.put("global_step", 80L);
        Path f = dir.resolve("metrics.json");
        Json.write(f, doc);

        MetricsHistory m = MetricsHistory.load(f);
        assertEquals(2, m.epochs().size());
        MetricsHistory.Epoch first = m.epochs().get(0);
        assertEquals(300, first.imagesPerSec());
        assertEquals(0.3, first.train().top1());
        assertNull(first.val());
        MetricsHistory.Epoch second = m.epochs().get(1);
        assertEquals(1.6, second.val().loss());
        assertEquals(0.38, second.test().top1());
        assertTrue(m.has("test"));
        assertFalse(new MetricsHistory(List.of(first)).has("val"));
    }

    @Test
    void fileWithoutEpochsIsNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("metrics.json");
        Files.writeString(f, "{\"best\": null}");
        NasException e = assertThrows(NasException.class, () -> MetricsHistory.load(f));
        assertTrue(e.getMessage().contains("metrics.json"), e.getMessage());
        assertTrue(e.getMessage().contains("\"epochs\""), e.getMessage());
    }
}
