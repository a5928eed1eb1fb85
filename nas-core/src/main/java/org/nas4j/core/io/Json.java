package org.nas4j.core.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nas4j.core.NasException;

/**
 * The one Gson instance of nas4j. Every JSON file the project writes or reads goes through it, so
 * number formatting, pretty printing and type adapters are the same everywhere.
 */
public final class Json {
    private static final Gson GSON =
            new GsonBuilder()
                    .setPrettyPrinting()
                    .disableHtmlEscaping()
                    .serializeSpecialFloatingPointValues()
                    .create();

    private static final Gson LINE =
            new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues().create();

    private Json() {}

    /** The shared, pretty-printing Gson. */
    public static Gson gson() {
        return GSON;
    }

    /** Serialises {@code value} to one line (for JSON-lines files such as alphas.jsonl). */
    public static String toLine(Object value) {
        return LINE.toJson(value);
    }

    /** Serialises {@code value} pretty-printed. */
    public static String toJson(Object value) {
        return GSON.toJson(value);
    }

    /**
     * Reads a file holding one JSON object as nested maps, lists, strings, doubles and booleans.
     *
     * @throws NasException naming the file when it is not a JSON object
     * @throws UncheckedIOException when it cannot be read
     */
    public static Map<String, Object> readMap(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
        try {
            Map<String, Object> m =
                    GSON.fromJson(
                            text, new TypeToken<LinkedHashMap<String, Object>>() {}.getType());
            if (m == null) {
                throw new NasException(file + " is empty; expected a JSON object.");
            }
            return m;
        } catch (JsonParseException e) {
            throw new NasException(file + " is not a JSON object: " + e.getMessage(), e);
        }
    }

    /** Writes {@code value} as pretty JSON to {@code target} atomically. */
    public static void write(Path target, Object value) {
        AtomicFiles.writeString(target, GSON.toJson(value) + "\n");
    }
}
