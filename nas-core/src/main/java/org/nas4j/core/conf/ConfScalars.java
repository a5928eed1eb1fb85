package org.nas4j.core.conf;

import java.math.BigInteger;
import org.nas4j.core.ConfException;

/**
 * Converts a conf value to the type a getter of {@link Conf} asks for. Messages name the full key
 * and where its value came from; a number past the range of the type asked for names the range,
 * since YAML integers are unbounded.
 */
final class ConfScalars {
    private ConfScalars() {}

    static String asString(String key, String location, Object v) {
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        throw typeError(key, location, v, "a string");
    }

    static int asInt(String key, String location, Object v) {
        long l = asLong(key, location, v, "an int", Integer.MIN_VALUE, Integer.MAX_VALUE);
        return (int) l;
    }

    static long asLong(String key, String location, Object v) {
        return asLong(key, location, v, "a long", Long.MIN_VALUE, Long.MAX_VALUE);
    }

    static double asDouble(String key, String location, Object v) {
        if (!(v instanceof Number n)) {
            throw typeError(key, location, v, "a number");
        }
        double d = n.doubleValue();
        if (v instanceof BigInteger && Double.isInfinite(d)) {
            throw new ConfException(
                    "Key '"
                            + key
                            + "' ("
                            + location
                            + ") = "
                            + Values.describe(v)
                            + " does not fit a double; expected a number of magnitude below "
                            + Double.MAX_VALUE
                            + ".");
        }
        return d;
    }

    static boolean asBool(String key, String location, Object v) {
        if (!(v instanceof Boolean b)) {
            throw typeError(key, location, v, "a boolean (true or false)");
        }
        return b;
    }

    static ConfException typeError(String key, String location, Object v, String expected) {
        return new ConfException(
                "Key "
                        + key
                        + " in "
                        + location
                        + " is "
                        + Values.describe(v)
                        + "; expected "
                        + expected
                        + ".");
    }

    private static long asLong(
            String key, String location, Object v, String type, long min, long max) {
        Long l = ConfValues.integral(v);
        if (l == null && !(v instanceof BigInteger)) {
            throw typeError(key, location, v, "an integer");
        }
        if (l == null || l < min || l > max) {
            throw new ConfException(
                    "Key '"
                            + key
                            + "' ("
                            + location
                            + ") = "
                            + Values.describe(v)
                            + " does not fit "
                            + type
                            + "; expected an integer in "
                            + min
                            + ".."
                            + max
                            + ".");
        }
        return l;
    }
}
