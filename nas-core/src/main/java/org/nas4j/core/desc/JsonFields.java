package org.nas4j.core.desc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.nas4j.core.DescFormatException;

/**
 * Typed access to the fields of a JSON tree; every failure names the source and the JSON path of
 * the bad value, what it is and what was expected.
 */
final class JsonFields {
    private final String source;

    JsonFields(String source) {
        this.source = source == null ? "model desc" : source;
    }

    String source() {
        return source;
    }

    DescFormatException fail(String path, String problem) {
        return new DescFormatException(source + ": " + path + " " + problem);
    }

    JsonElement get(JsonObject o, String path, String key) {
        JsonElement e = o.get(key);
        if (e == null) {
            throw fail(path, "has no field '" + key + "', which is required.");
        }
        return e;
    }

    void checkKeys(JsonObject o, String path, Set<String> allowed) {
        for (String key : o.keySet()) {
            if (!allowed.contains(key)) {
                throw fail(
                        path + "." + key,
                        "is not a known field; valid fields here: "
                                + String.join(", ", new TreeSet<>(allowed))
                                + ".");
            }
        }
    }

    JsonObject object(JsonElement e, String path) {
        if (!e.isJsonObject()) {
            throw wrongType(e, path, "an object");
        }
        return e.getAsJsonObject();
    }

    JsonArray array(JsonElement e, String path) {
        if (!e.isJsonArray()) {
            throw wrongType(e, path, "an array");
        }
        return e.getAsJsonArray();
    }

    JsonArray array(JsonObject o, String path, String key) {
        return array(get(o, path, key), path + "." + key);
    }

    JsonArray optArray(JsonObject o, String path, String key) {
        return o.has(key) ? array(o, path, key) : new JsonArray();
    }

    String string(JsonObject o, String path, String key) {
        JsonElement e = get(o, path, key);
        if (!(e instanceof JsonPrimitive p) || !p.isString()) {
            throw wrongType(e, path + "." + key, "a string");
        }
        return p.getAsString();
    }

    boolean bool(JsonObject o, String path, String key) {
        JsonElement e = get(o, path, key);
        if (!(e instanceof JsonPrimitive p) || !p.isBoolean()) {
            throw wrongType(e, path + "." + key, "true or false");
        }
        return p.getAsBoolean();
    }

    int integer(JsonObject o, String path, String key, int min) {
        return integer(get(o, path, key), path + "." + key, min);
    }

    int integer(JsonElement e, String path, int min) {
        String expected = min == Integer.MIN_VALUE ? "an integer" : "an integer >= " + min;
        if (!(e instanceof JsonPrimitive p) || !p.isNumber()) {
            throw wrongType(e, path, expected);
        }
        double d = p.getAsDouble();
        if (d != Math.rint(d) || d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
            throw fail(path, "= " + show(e) + " is not " + expected + ".");
        }
        if (d < min) {
            throw fail(path, "= " + show(e) + " is out of range; expected " + expected + ".");
        }
        return (int) d;
    }

    double number(JsonElement e, String path) {
        if (!(e instanceof JsonPrimitive p) || !p.isNumber()) {
            // NaN and infinities are written unquoted by the shared Gson and parse as numbers
            throw wrongType(e, path, "a number");
        }
        return p.getAsDouble();
    }

    List<Integer> intList(JsonObject o, String path, String key, int min) {
        return intList(array(o, path, key), path + "." + key, min);
    }

    List<Integer> intList(JsonArray a, String path, int min) {
        List<Integer> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            out.add(integer(a.get(i), path + "[" + i + "]", min));
        }
        return out;
    }

    /** Free-form parameters: strings, booleans, numbers (as doubles) and lists of those. */
    Map<String, Object> optParams(JsonObject o, String path, String key) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!o.has(key)) {
            return out;
        }
        String p = path + "." + key;
        for (Map.Entry<String, JsonElement> e : object(o.get(key), p).entrySet()) {
            out.put(e.getKey(), paramValue(e.getValue(), p + "." + e.getKey()));
        }
        return out;
    }

    private Object paramValue(JsonElement e, String path) {
        if (e.isJsonArray()) {
            List<Object> out = new ArrayList<>();
            JsonArray a = e.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) {
                out.add(paramValue(a.get(i), path + "[" + i + "]"));
            }
            return out;
        }
        if (e instanceof JsonPrimitive p) {
            if (p.isBoolean()) {
                return p.getAsBoolean();
            }
            if (p.isNumber()) {
                return p.getAsDouble();
            }
            return p.getAsString();
        }
        throw wrongType(e, path, "a string, boolean, number or a list of those");
    }

    private DescFormatException wrongType(JsonElement e, String path, String expected) {
        return fail(path, "= " + show(e) + " is " + kind(e) + "; expected " + expected + ".");
    }

    private static String kind(JsonElement e) {
        if (e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "an array";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.isBoolean() ? "a boolean" : p.isNumber() ? "a number" : "a string";
    }

    static String show(JsonElement e) {
        String s = e.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
