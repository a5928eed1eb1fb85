package org.nas4j.train.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.nas4j.core.ConfException;

/**
 * Typed reads from a plain conf map (what the YAML reader yields: numbers, strings, booleans,
 * lists, maps), with messages that name the key path and what would be valid.
 */
public final class SpecValues {
    private final Map<String, Object> map;
    private final String path;

    /**
     * @param map the values
     * @param path where the map sits in the conf, e.g. {@code nas.search.trainer.optimizer}
     */
    public SpecValues(Map<String, Object> map, String path) {
        if (map == null) {
            throw new ConfException("The conf section '" + path + "' is missing.");
        }
        this.map = map;
        this.path = path;
    }

    /** The key path of {@code key}. */
    public String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The path of this map. */
    public String path() {
        return path;
    }

    /** Whether {@code key} is present and not null. */
    public boolean has(String key) {
        return map.get(key) != null;
    }

    /** Rejects keys outside {@code known}, listing the known ones. */
    public void checkKeys(Set<String> known) {
        for (String k : map.keySet()) {
            if (!known.contains(k)) {
                throw new ConfException(
                        "Unknown key '"
                                + at(k)
                                + "'; valid keys are "
                                + new TreeSet<>(known)
                                + ".");
            }
        }
    }

    /** A number; {@code def} when absent. */
    public double getDouble(String key, double def) {
        Object v = map.get(key);
        return v == null ? def : toDouble(v, at(key));
    }

    /** A required number. */
    public double getDouble(String key) {
        Object v = map.get(key);
        if (v == null) {
            throw new ConfException("The key '" + at(key) + "' is required (a number).");
        }
        return toDouble(v, at(key));
    }

    /** A whole number; {@code def} when absent. */
    public int getInt(String key, int def) {
        Object v = map.get(key);
        if (v == null) {
            return def;
        }
        double d = toDouble(v, at(key));
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new ConfException(
                    "The key '" + at(key) + "' must be a whole number; it is '" + v + "'.");
        }
        return (int) d;
    }

    /** A boolean; {@code def} when absent. */
    public boolean getBoolean(String key, boolean def) {
        Object v = map.get(key);
        if (v == null) {
            return def;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new ConfException(
                "The key '" + at(key) + "' must be true or false; it is '" + v + "'.");
    }

    /** A string; {@code def} when absent. */
    public String getString(String key, String def) {
        Object v = map.get(key);
        return v == null ? def : v.toString();
    }

    /** A list of numbers; {@code def} when absent. */
    public List<Double> getDoubles(String key, List<Double> def) {
        Object v = map.get(key);
        if (v == null) {
            return def;
        }
        if (!(v instanceof List<?> list)) {
            throw new ConfException(
                    "The key '" + at(key) + "' must be a list of numbers; it is '" + v + "'.");
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(toDouble(list.get(i), at(key) + "[" + i + "]"));
        }
        return out;
    }

    /** A nested map, or {@code null} when absent. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> getMap(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?>)) {
            throw new ConfException("The key '" + at(key) + "' must be a map; it is '" + v + "'.");
        }
        return (Map<String, Object>) v;
    }

    private static double toDouble(Object v, String where) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfException("The key '" + where + "' must be a number; it is '" + v + "'.");
        }
    }
}
