package org.nas4j.cli.export;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test accuracy an experiment recorded: summary.json, else the eval metrics' last test. */
final class RecordedResults {
    private RecordedResults() {}

    /** The recorded test top-1 (a fraction), or null when the run recorded none. */
    static Double testTop1(Path expDir) {
        JsonObject summary = object(expDir.resolve("summary.json"));
        JsonElement v = path(summary, "eval", "test_top1");
        if (v != null) {
            return v.getAsDouble();
        }
        JsonObject metrics = object(expDir.resolve("eval/metrics.json"));
        JsonElement epochs = metrics == null ? null : metrics.get("epochs");
        if (epochs != null && epochs.isJsonArray() && !epochs.getAsJsonArray().isEmpty()) {
            JsonArray a = epochs.getAsJsonArray();
            JsonElement t = path(a.get(a.size() - 1), "test", "top1");
            return t == null ? null : t.getAsDouble();
        }
        return null;
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
            JsonElement el = JsonParser.parseString(Files.readString(file));
            return el.isJsonObject() ? el.getAsJsonObject() : null;
        } catch (IOException | JsonParseException e) {
            // an unreadable summary only means no recorded accuracy to compare against
            return null;
        }
    }
}
