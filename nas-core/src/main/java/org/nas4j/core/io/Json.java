package org.nas4j.core.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.nio.file.Path;

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

    /** Writes {@code value} as pretty JSON to {@code target} atomically. */
    public static void write(Path target, Object value) {
        AtomicFiles.writeString(target, GSON.toJson(value) + "\n");
    }
}
