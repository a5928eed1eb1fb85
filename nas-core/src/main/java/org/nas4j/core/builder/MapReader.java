package org.nas4j.core.builder;

import java.util.Map;
import org.nas4j.core.ConfException;

/** Typed reads from a conf section given as a plain map; errors name the full key. */
final class MapReader {
    private final Map<String, Object> map;
    private final String prefix;

    MapReader(Map<String, Object> map, String prefix) {
        if (map == null) {
            throw new ConfException(
                    prefix.substring(0, prefix.length() - 1) + " is missing; expected a section.");
        }
        this.map = map;
        this.prefix = prefix;
    }

    @SuppressWarnings("unchecked")
    MapReader child(String key) {
        Object v = require(key, "a section (map)");
        if (!(v instanceof Map<?, ?>)) {
            throw wrong(key, v, "a section (map)");
        }
        return new MapReader((Map<String, Object>) v, prefix + key + ".");
    }

    int integer(String key, int min) {
        String expected = "an integer >= " + min;
        Object v = require(key, expected);
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw wrong(key, v, expected);
        }
        if (n.doubleValue() < min || n.doubleValue() > Integer.MAX_VALUE) {
            throw new ConfException(
                    prefix + key + " = " + v + " is out of range; expected " + expected + ".");
        }
        return n.intValue();
    }

    double number(String key, double min) {
        String expected = "a number >= " + min;
        Object v = require(key, expected);
        if (!(v instanceof Number n) || Double.isNaN(n.doubleValue())) {
            throw wrong(key, v, expected);
        }
        if (n.doubleValue() < min) {
            throw new ConfException(
                    prefix + key + " = " + v + " is out of range; expected " + expected + ".");
        }
        return n.doubleValue();
    }

    String string(String key) {
        Object v = require(key, "an op name");
        if (!(v instanceof String s) || s.isBlank()) {
            throw wrong(key, v, "an op name");
        }
        return s;
    }

    private Object require(String key, String expected) {
        Object v = map.get(key);
        if (v == null) {
            throw new ConfException(prefix + key + " is missing; expected " + expected + ".");
        }
        return v;
    }

    private ConfException wrong(String key, Object v, String expected) {
        String shown = v instanceof String ? "'" + v + "' (a string)" : v + " (a " + kind(v) + ")";
        return new ConfException(prefix + key + " = " + shown + " is not " + expected + ".");
    }

    private static String kind(Object v) {
        if (v instanceof Number) {
            return "number";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (v instanceof Map<?, ?>) {
            return "section";
        }
        return v instanceof java.util.List<?> ? "list" : v.getClass().getSimpleName();
    }
}
