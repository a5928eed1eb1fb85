package org.nas4j.train.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nas4j.core.ConfException;

/**
 * Typed reads from a plain conf map, each error naming the full key path.
 *
 * <p>Values may arrive as YAML scalars (numbers, booleans, lists) or as strings from an override;
 * strings are parsed, anything else of the wrong type is refused.
 */
final class SpecValues {
    private final Map<String, Object> map;
    private final String prefix;

    SpecValues(Map<String, Object> map, String prefix) {
        if (map == null) {
            throw new ConfException("The conf section '" + prefix + "' is missing.");
        }
        this.map = map;
        this.prefix = prefix;
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    private Object required(String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new ConfException(
                    "The conf key '" + path(key) + "' is missing; section has " + map.keySet());
        }
        return value;
    }

    String path(String key) {
        return prefix + "." + key;
    }

    String string(String key) {
        Object value = required(key);
        if (value instanceof String s) {
            return s;
        }
        throw wrongType(key, value, "a string");
    }

    int integer(String key) {
        Object value = required(key);
        double d = number(key, value, "an integer");
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw wrongType(key, value, "an integer");
        }
        return (int) d;
    }

    double decimal(String key) {
        Object value = required(key);
        return number(key, value, "a number");
    }

    boolean bool(String key) {
        Object value = required(key);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s
                && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw wrongType(key, value, "true or false");
    }

    List<Double> decimals(String key) {
        Object value = required(key);
        if (!(value instanceof List<?> list)) {
            throw wrongType(key, value, "a list of numbers such as [0.5]");
        }
        List<Double> out = new ArrayList<>(list.size());
        for (Object item : list) {
            if (item == null) {
                throw wrongType(key, value, "a list of numbers such as [0.5]");
            }
            out.add(number(key, item, "a list of numbers such as [0.5]"));
        }
        return List.copyOf(out);
    }

    private double number(String key, Object value, String expected) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw wrongType(key, value, expected);
            }
        }
        throw wrongType(key, value, expected);
    }

    ConfException wrongType(String key, Object value, String expected) {
        return new ConfException(
                "The conf key '"
                        + path(key)
                        + "' is '"
                        + value
                        + "' but must be "
                        + expected
                        + ".");
    }

    ConfException invalid(String key, Object value, String expected) {
        return new ConfException(
                "The conf key '" + path(key) + "' is " + value + " but must be " + expected + ".");
    }
}
