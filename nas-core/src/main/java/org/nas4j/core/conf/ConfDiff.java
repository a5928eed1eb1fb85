package org.nas4j.core.conf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The keys whose values differ between two resolved confs, as {@code key: old -> new} lines; a key
 * present in one conf only is shown with {@code (absent)} on the other side. Used to refuse
 * resuming an experiment with another conf than the one its checkpoint was made with.
 */
public final class ConfDiff {
    private ConfDiff() {}

    /** The differing leaf keys among those {@code relevant} accepts, sorted. */
    public static List<String> between(Conf old, Conf now, Predicate<String> relevant) {
        Map<String, Object> a = flatten(old.toMap());
        Map<String, Object> b = flatten(now.toMap());
        TreeMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, Object> e : a.entrySet()) {
            if (relevant.test(e.getKey()) && !same(e.getValue(), b.get(e.getKey()))) {
                out.put(e.getKey(), show(e.getValue()) + " -> " + show(b.get(e.getKey())));
            }
        }
        for (Map.Entry<String, Object> e : b.entrySet()) {
            if (relevant.test(e.getKey()) && !a.containsKey(e.getKey())) {
                out.put(e.getKey(), "(absent) -> " + show(e.getValue()));
            }
        }
        List<String> lines = new ArrayList<>();
        out.forEach((k, v) -> lines.add(k + ": " + v));
        return lines;
    }

    private static boolean same(Object x, Object y) {
        if (x instanceof Number n && y instanceof Number m) {
            return Double.compare(n.doubleValue(), m.doubleValue()) == 0;
        }
        return Objects.equals(x, y);
    }

    private static String show(Object v) {
        return v == null ? "(absent)" : v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    /** Leaf values by dotted key; lists are leaves. */
    static Map<String, Object> flatten(Map<String, Object> tree) {
        Map<String, Object> out = new TreeMap<>();
        walk(tree, "", out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void walk(Map<String, Object> m, String prefix, Map<String, Object> out) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> child) {
                walk((Map<String, Object>) child, key, out);
            } else {
                out.put(key, e.getValue());
            }
        }
    }
}
