package org.nas4j.core.conf;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.ConfException;

/** Conversions and messages behind {@link Conf}'s getters. */
final class ConfValues {
    private ConfValues() {}

    /** The value as a long if it is an integer that fits one, else null. */
    static Long integral(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        return null;
    }

    /** The error for a missing key: names the key and the keys that exist where it stops. */
    static ConfException missing(ConfTree resolved, String key) {
        String[] segs = key.split("\\.", -1);
        Object node = resolved.root;
        List<String> at = new ArrayList<>();
        for (String seg : segs) {
            if (!(node instanceof Map<?, ?> m)) {
                String parent = String.join(".", at);
                return new ConfException(
                        "Key "
                                + key
                                + " is missing: "
                                + parent
                                + " in "
                                + resolved.sourceOf(parent)
                                + " is "
                                + Values.describe(node)
                                + ", not a mapping.");
            }
            if (!m.containsKey(seg)) {
                String level = at.isEmpty() ? "the top level" : String.join(".", at);
                List<String> keys = new ArrayList<>();
                m.keySet().forEach(k -> keys.add(String.valueOf(k)));
                return new ConfException(
                        "Key "
                                + key
                                + " is missing from the conf loaded from "
                                + String.join(", ", resolved.files)
                                + "; keys at "
                                + level
                                + " are: "
                                + (keys.isEmpty() ? "(none)" : String.join(", ", keys))
                                + ".");
            }
            node = m.get(seg);
            at.add(seg);
        }
        throw new IllegalStateException("Key " + key + " exists");
    }

    /** A copy of a tree without keys starting with {@code __} or {@code _copy}. */
    static Map<String, Object> withoutMetaKeys(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach(
                (k, v) -> {
                    if (!k.startsWith("__") && !k.startsWith(ConfTree.COPY)) {
                        out.put(k, strip(v));
                    }
                });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object strip(Object v) {
        if (v instanceof Map<?, ?> m) {
            return withoutMetaKeys((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(o -> out.add(strip(o)));
            return out;
        }
        return v;
    }
}
