package org.nas4j.cli.export;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nas4j.core.ExperimentDir;
import org.nas4j.core.NasException;
import org.nas4j.core.io.TextFiles;
import org.nas4j.core.result.ExperimentSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The test accuracy an experiment recorded: summary.json, else the eval metrics' last test. */
final class RecordedResults {
    private static final Logger LOG = LoggerFactory.getLogger(RecordedResults.class);

    private RecordedResults() {}

    /** The recorded test top-1 (a fraction), or null when the run recorded none. */
    static Double testTop1(Path expDir) {
        ExperimentDir exp = ExperimentDir.of(expDir);
        ExperimentSummary summary = summary(exp.summary());
        if (summary != null && summary.eval() != null) {
            return summary.eval().testTop1();
        }
        JsonObject metrics = object(exp.eval().metrics());
        JsonElement epochs = metrics == null ? null : metrics.get("epochs");
        if (epochs != null && epochs.isJsonArray() && !epochs.getAsJsonArray().isEmpty()) {
            JsonArray a = epochs.getAsJsonArray();
            JsonElement t = path(a.get(a.size() - 1), "test", "top1");
            return t == null ? null : t.getAsDouble();
        }
        return null;
    }

    private static ExperimentSummary summary(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return ExperimentSummary.load(file);
        } catch (NasException | UncheckedIOException e) {
            // an unreadable summary only means no recorded accuracy to compare against
            LOG.warn("Ignoring {}: {}", file, e.getMessage());
            return null;
        }
    }

    private static JsonElement path(JsonElement root, String... keys) {
        JsonElement cur = root;
        for (String k : keys) {
            if (cur == null || !cur.isJsonObject()) {
                return null;
            }
            cur = cur.getAsJsonObject().get(k);
        }
        return cur != null && cur.isJsonPrimitive() && cur.getAsJsonPrimitive().isNumber()
                ? cur
                : null;
    }

    private static JsonObject object(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            String text = TextFiles.read(file, "JSON file");
            if (org.nas4j.core.io.Json.tooDeep(text, file.toString()) != null) {
                return null; // as for any unreadable record: the export says the result is unknown
            }
            JsonElement el = JsonParser.parseString(text);
            return el.isJsonObject() ? el.getAsJsonObject() : null;
        } catch (UncheckedIOException | NasException | JsonParseException e) {
            return null;
        }
    }
}
