package org.nas4j.core.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.UncheckedIOException;
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
        String text = TextFiles.read(file, "JSON file");
        String deep = tooDeep(text, file.toString());
        if (deep != null) {
            throw new NasException(deep);
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

    /** Deepest nesting of arrays and objects nas4j reads (its descs nest about 10 deep). */
    public static final int MAX_DEPTH = 512;

    /**
     * Why {@code text} is too deeply nested for nas4j to read ({@code source} names it), or null
     * when it is not: Gson builds trees recursively, so a document nested 100,000 levels deep would
     * overflow the stack. One pass over the characters, strings skipped.
     */
    public static String tooDeep(String text, String source) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) {
                    return source
                            + " nests arrays and objects more than "
                            + MAX_DEPTH
                            + " levels deep (at character "
                            + i
                            + "); nas4j reads no deeper, so that no file can exhaust the stack.";
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return null;
    }

    /** Writes {@code value} as pretty JSON to {@code target} atomically. */
    public static void write(Path target, Object value) {
        AtomicFiles.writeString(target, GSON.toJson(value) + "\n");
    }
}
