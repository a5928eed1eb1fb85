package org.nas4j.core.conf;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nas4j.core.ConfException;

/** Types the text of a command-line override like the value it replaces. */
final class OverrideTypes {
    private OverrideTypes() {}

    /**
     * Converts {@code text} to the type of {@code current}.
     *
     * @param what the override and the value it replaces, for messages
     */
    static Object typed(String text, Object current, String what) {
        if (current == null || Interpolation.isWholeVariable(current)) {
            // nothing to imitate (a variable's type is only known once resolved): read the text
            // as YAML would
            return Yamls.parseValue(text, what);
        }
        if (current instanceof Map<?, ?> m) {
            throw new ConfException(
                    "The "
                            + what
                            + " cannot replace a whole mapping; override one of its keys: "
                            + String.join(", ", m.keySet().stream().map(String::valueOf).toList())
                            + ".");
        }
        if (current instanceof List<?> list) {
            return typedList(text, list, what);
        }
        return typedScalar(text.trim(), current, what);
    }

    /**
     * {@code text} as a YAML scalar types it when that is a number or a boolean, else the text
     * itself; for values that come as text, such as environment variables.
     */
    static Object yamlScalar(String text) {
        try {
            Object v = Yamls.parseValue(text, "value");
            if (v instanceof Number || v instanceof Boolean) {
                return v;
            }
        } catch (ConfException e) {
            // not YAML at all: it stays text
        }
        return text;
    }

    private static Object typedScalar(String text, Object current, String what) {
        if (current instanceof Boolean) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> Boolean.TRUE;
                case "false", "no", "off" -> Boolean.FALSE;
                default -> throw bad(text, what, "a boolean (true or false)");
            };
        }
        if (current instanceof Integer
                || current instanceof Long
                || current instanceof BigInteger) {
            BigInteger b;
            try {
                b = new BigInteger(text.replace("_", ""));
            } catch (NumberFormatException e) {
                throw bad(text, what, "an integer");
            }
            if (b.bitLength() < 32) {
                return b.intValue();
            }
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        if (current instanceof Double || current instanceof Float) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw bad(text, what, "a number");
            }
        }
        if (current instanceof Map || current instanceof List) {
            throw bad(text, what, "a scalar inside a list, not a nested " + Values.kind(current));
        }
        // strings and anything else YAML produced (dates) are kept as the text given
        return text;
    }

    private static List<Object> typedList(String text, List<?> current, String what) {
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1).trim();
        }
        List<Object> out = new ArrayList<>();
        if (t.isEmpty()) {
            return out;
        }
        String[] items = t.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            String item = unquote(items[i].trim());
            Object like = current.isEmpty() ? null : current.get(Math.min(i, current.size() - 1));
            out.add(
                    like == null
                            ? Yamls.parseValue(item, what)
                            : typedScalar(item, like, what + ", item " + (i + 1)));
        }
        return out;
    }

    private static String unquote(String s) {
        if (s.length() >= 2
                && (s.startsWith("'") && s.endsWith("'")
                        || s.startsWith("\"") && s.endsWith("\""))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static ConfException bad(String text, String what, String expected) {
        return new ConfException(
                "The value '" + text + "' of the " + what + " is not " + expected + ".");
    }
}
