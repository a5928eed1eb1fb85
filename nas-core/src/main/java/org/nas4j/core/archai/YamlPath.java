package org.nas4j.core.archai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nas4j.core.DescFormatException;

/** A value inside loaded YAML together with its path, so every error can say where it is. */
final class YamlPath {
    private final Object value;
    private final String path;
    private final String source;

    YamlPath(Object value, String path, String source) {
        this.value = value;
        this.path = path;
        this.source = source;
    }

    boolean isNull() {
        return value == null;
    }

    boolean isList() {
        return value instanceof List<?>;
    }

    boolean has(String key) {
        return value instanceof Map<?, ?> m && m.containsKey(key);
    }

    List<String> keys() {
        List<String> out = new ArrayList<>();
        if (value instanceof Map<?, ?> m) {
            m.keySet().forEach(k -> out.add(String.valueOf(k)));
        }
        return out;
    }

    YamlPath get(String key) {
        if (!(value instanceof Map<?, ?> m)) {
            throw error("is not a mapping, so it has no field '" + key + "'");
        }
        if (!m.containsKey(key)) {
            throw missing(key);
        }
        return new YamlPath(m.get(key), path + "." + key, source);
    }

    List<YamlPath> list() {
        if (!(value instanceof List<?> l)) {
            throw error("is not a list");
        }
        List<YamlPath> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            out.add(new YamlPath(l.get(i), path + "[" + i + "]", source));
        }
        return out;
    }

    String scalar() {
        if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
            throw error("is not a scalar");
        }
        return String.valueOf(value);
    }

    /** The first scalar found: the value itself, or the first element of a list (enum tags). */
    String firstScalar() {
        if (value instanceof List<?> l && !l.isEmpty()) {
            return new YamlPath(l.get(0), path + "[0]", source).firstScalar();
        }
        if (value instanceof Map<?, ?> m && m.containsKey("_value_")) {
            return String.valueOf(m.get("_value_"));
        }
        return scalar();
    }

    int integer() {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return (int) Double.parseDouble(scalar());
        } catch (NumberFormatException e) {
            throw error("is '" + value + "'; expected an integer");
        }
    }

    boolean isPlainValue() {
        return value instanceof String
                || value instanceof Number
                || value instanceof Boolean
                || (value instanceof List<?> l
                        && l.stream().allMatch(v -> v instanceof String || v instanceof Number));
    }

    Object plainValue() {
        return value;
    }

    /** The error for a mapping that lacks {@code key}, listing the fields it has. */
    DescFormatException missing(String key) {
        return new DescFormatException(
                source + ": " + path + " has no field '" + key + "' (fields: " + keys() + ").");
    }

    DescFormatException error(String what) {
        return new DescFormatException(source + ": " + path + " " + what + ".");
    }
}
