package org.nas4j.core.result;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nas4j.core.ResultFormatException;
import org.nas4j.core.io.Json;
import org.nas4j.core.io.TextFiles;

/**
 * Saves and loads a result record as a versioned JSON document: {@code {"format": "nas4j.<kind>",
 * "version": N, ...the record's snake_case fields}}, like {@link org.nas4j.core.desc.DescJson} does
 * for descs.
 *
 * <p>A document of another format or of a version not in the record's supported list is refused
 * with a {@link ResultFormatException} naming the file and what would be valid. A document with
 * neither {@code format} nor {@code version} was written before results were versioned; it is read
 * as version {@value #LEGACY_VERSION}, whose fields are those of version 1. Fields the record does
 * not know are ignored; fields it knows but the document lacks are null (0 for numbers).
 */
public final class ResultJson {
    /** The version given to a document written before results carried a format and version. */
    public static final int LEGACY_VERSION = 0;

    private ResultJson() {}

    /** The record as a JSON document of {@code format} and {@code version}. */
    public static String toJson(Object record, String format, int version) {
        return Json.toJson(document(record, format, version));
    }

    /** Writes the record to {@code file} atomically, creating directories. */
    public static void save(Path file, Object record, String format, int version) {
        Json.write(file, document(record, format, version));
    }

    /**
     * Parses a document of {@code format} into a {@code type}.
     *
     * @param source where the text came from, used in error messages
     * @param versions the versions of the format this code reads
     * @throws ResultFormatException when the text is not such a document
     */
    public static <T> T fromJson(
            String json, String source, String format, List<Integer> versions, Class<T> type) {
        JsonObject doc = parse(json, source);
        checkHeader(doc, source, format, versions);
        doc.remove("format");
        doc.remove("version");
        try {
            return Json.gson().fromJson(doc, type);
        } catch (JsonParseException | IllegalArgumentException e) {
            throw new ResultFormatException(
                    source + " is not a valid " + format + " document: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a document of {@code format} from {@code file}.
     *
     * @throws ResultFormatException when the file is not such a document
     * @throws UncheckedIOException when the file cannot be read
     */
    public static <T> T load(Path file, String format, List<Integer> versions, Class<T> type) {
        String text = TextFiles.read(file, format);
        return fromJson(text, file.toString(), format, versions, type);
    }

    private static JsonObject document(Object record, String format, int version) {
        JsonObject doc = new JsonObject();
        doc.addProperty("format", format);
        doc.addProperty("version", version);
        for (Map.Entry<String, JsonElement> e :
                Json.gson().toJsonTree(record).getAsJsonObject().entrySet()) {
            doc.add(e.getKey(), e.getValue());
        }
        return doc;
    }

    private static JsonObject parse(String json, String source) {
        String deep = Json.tooDeep(json, source);
        if (deep != null) {
            throw new ResultFormatException(deep);
        }
        JsonElement el;
        try {
            el = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new ResultFormatException(source + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!el.isJsonObject()) {
            throw new ResultFormatException(
                    source + " should hold a JSON object, but holds " + kind(el) + ".");
        }
        return el.getAsJsonObject();
    }

    private static void checkHeader(
            JsonObject doc, String source, String format, List<Integer> versions) {
        JsonElement f = doc.get("format");
        JsonElement v = doc.get("version");
        if (f == null && v == null && versions.contains(LEGACY_VERSION)) {
            return;
        }
        if (!isString(f) || !format.equals(f.getAsString())) {
            throw new ResultFormatException(
                    source
                            + " has format "
                            + (f == null ? "(none)" : f.toString())
                            + ", but a \""
                            + format
                            + "\" document was expected.");
        }
        if (v == null
                || !v.isJsonPrimitive()
                || !v.getAsJsonPrimitive().isNumber()
                || !versions.contains(v.getAsInt())
                || v.getAsDouble() != v.getAsInt()) {
            throw new ResultFormatException(
                    source
                            + " is "
                            + format
                            + " version "
                            + (v == null ? "(none)" : v.toString())
                            + ", which this nas4j cannot read; it reads versions "
                            + versions
                            + ". A newer nas4j may have written it.");
        }
    }

    private static boolean isString(JsonElement e) {
        return e != null && e.isJsonPrimitive() && ((JsonPrimitive) e).isString();
    }

    private static String kind(JsonElement e) {
        if (e.isJsonArray()) {
            return "an array";
        }
        return e.isJsonNull() ? "null" : "the value " + e;
    }
}
