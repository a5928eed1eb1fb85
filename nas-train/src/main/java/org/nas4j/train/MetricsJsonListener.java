package org.nas4j.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.io.Json;

/**
 * Rewrites {@code metrics.json} atomically after every epoch: {@code {"epochs": [...], "best":
 * {...}, "last": {...}}}, best by validation top-1 when measured, else training top-1.
 */
public final class MetricsJsonListener implements TrainListener {
    private final Path file;

    /** Writes to {@code file}. */
    public MetricsJsonListener(Path file) {
        this.file = file;
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochMetrics metrics) {
        write(trainer.result());
    }

    @Override
    public void onTrainEnd(Trainer trainer, FitResult result) {
        write(result);
    }

    private void write(FitResult r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        List<EpochMetrics> epochs = r.history();
        doc.put("epochs", epochs);
        doc.put("best", r.best());
        doc.put("last", r.last());
        doc.put("global_step", r.globalStep());
        Json.write(file, doc);
    }
}
