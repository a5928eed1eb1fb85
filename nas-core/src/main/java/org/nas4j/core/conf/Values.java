package org.nas4j.core.conf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers over the plain values of a conf tree: copying and describing them in messages. */
final class Values {
    private static final int MAX_SHOWN = 80;

    private Values() {}

    /** A deep copy of maps and lists; scalars are immutable and shared. */
    @SuppressWarnings("unchecked")
    static Object deepCopy(Object v) {
        if (v instanceof Map<?, ?> m) {
            return copyMap((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(deepCopy(o));
            }
            return out;
        }
        return v;
    }

    static Map<String, Object> copyMap(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, deepCopy(v)));
        return out;
    }

    /** The value as a message shows it: strings quoted, long values shortened. */
    static String describe(Object v) {
        if (v == null) {
            return "null (empty)";
        }
        if (v instanceof Map<?, ?>) {
            return "a mapping";
        }
        String s = v instanceof String ? "'" + v + "'" : String.valueOf(v);
        return s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN) + "..." : s;
    }

    /** The kind of a value in YAML words, for messages. */
    static String kind(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof Double || v instanceof Float) {
            return "a float";
        }
        if (v instanceof Number) {
            return "an integer";
        }
        return "a " + v.getClass().getSimpleName();
    }

    /** Whether {@code v} is a scalar copy such as {@code '_copy: /dataset/img_size'}. */
    static boolean isCopyScalar(Object v) {
        return v instanceof String s && s.startsWith(ConfTree.COPY + ":");
    }

    /** The path of a scalar copy. */
    static String copyScalarPath(String v) {
        return v.substring(ConfTree.COPY.length() + 1).trim();
    }
}
