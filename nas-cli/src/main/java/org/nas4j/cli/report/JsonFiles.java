package org.nas4j.cli.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.nas4j.core.NasException;
import org.nas4j.core.io.TextFiles;

/** Reading the JSON files of an experiment directory, with errors that name the file. */
final class JsonFiles {
    private JsonFiles() {}

    /** The file's text. */
    static String read(Path file) {
        return TextFiles.read(file, "JSON file");
    }

    /** The file's top-level JSON object. */
    static JsonObject object(Path file) {
        return object(read(file), file.toString());
    }

    /** {@code text} parsed as a JSON object; {@code source} names it in errors. */
    static JsonObject object(String text, String source) {
        String deep = org.nas4j.core.io.Json.tooDeep(text, source);
        if (deep != null) {
            throw new NasException(deep);
        }
        JsonElement el;
        try {
            el = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new NasException(source + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!el.isJsonObject()) {
            throw new NasException(source + " does not hold a JSON object.");
        }
        return el.getAsJsonObject();
    }

    /** The first of {@code keys} present as a number in {@code o}, else {@code def}. */
    static double number(JsonObject o, double def, String... keys) {
        for (String k : keys) {
            JsonElement v = o.get(k);
            if (v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
                return v.getAsDouble();
            }
        }
        return def;
    }
}
