package org.nas4j.core.conf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.configuration2.interpol.ConfigurationInterpolator;
import org.apache.commons.configuration2.interpol.Lookup;
import org.apache.commons.text.StringSubstitutor;
import org.nas4j.core.ConfException;

/**
 * Variables in conf values, as commons-configuration2 users write them: {@code ${other.key}} (a key
 * of the resolved conf), {@code ${env:NAME}}, {@code ${sys:prop}} and the other default prefix
 * lookups of {@link ConfigurationInterpolator}. A value that is one variable and nothing else takes
 * the referenced value with its type ({@code epochs: ${nas.search.trainer.epochs}} is an int);
 * within a longer string the variable becomes text. {@code $${x}} writes a literal {@code ${x}}. An
 * undefined variable, or variables that refer to each other in a cycle, is an error naming the key,
 * its file and line. Applied after {@code _copy}, so a copy carries its variables along.
 */
final class Interpolation {
    private static final Pattern WHOLE = Pattern.compile("\\$\\{([^${}]+)}");

    private final ConfTree tree;
    private final ConfigurationInterpolator interpolator = new ConfigurationInterpolator();
    private final Deque<String> resolving = new ArrayDeque<>();

    private Interpolation(ConfTree tree) {
        this.tree = tree;
        interpolator.registerLookups(ConfigurationInterpolator.getDefaultPrefixLookups());
        interpolator.addDefaultLookup(new KeyLookup());
    }

    /** {@code resolved} with every variable replaced (the same tree when it holds none). */
    static ConfTree apply(ConfTree resolved) {
        if (!holdsVariable(resolved.root)) {
            return resolved;
        }
        Interpolation in = new Interpolation(resolved);
        ConfTree out = resolved.copy();
        in.walk(out.root, "");
        return out;
    }

    private static boolean holdsVariable(Object v) {
        if (v instanceof String s) {
            return s.contains("${");
        }
        if (v instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(Interpolation::holdsVariable);
        }
        if (v instanceof List<?> l) {
            return l.stream().anyMatch(Interpolation::holdsVariable);
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private void walk(Map<String, Object> m, String prefix) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String key = ConfTree.join(prefix, e.getKey());
            Object v = e.getValue();
            if (v instanceof Map<?, ?> child) {
                walk((Map<String, Object>) child, key);
            } else if (v instanceof List<?> l) {
                List<Object> out = new ArrayList<>(l.size());
                for (Object o : l) {
                    out.add(o instanceof String s ? value(key, s) : o);
                }
                e.setValue(out);
            } else if (v instanceof String s) {
                e.setValue(value(key, s));
            }
        }
    }

    /** The interpolated value of the string {@code s} held by {@code key}. */
    private Object value(String key, String s) {
        if (!s.contains("${")) {
            return s;
        }
        resolving.push(key);
        try {
            Matcher whole = WHOLE.matcher(s);
            if (whole.matches()) {
                return lookup(key, whole.group(1));
            }
            StringSubstitutor sub =
                    new StringSubstitutor(name -> String.valueOf(lookup(key, name)));
            sub.setEnableUndefinedVariableException(false);
            return sub.replace(s);
        } finally {
            resolving.pop();
        }
    }

    private Object lookup(String key, String name) {
        Object v;
        try {
            v = interpolator.resolve(name);
        } catch (ConfException e) {
            throw e;
        } catch (RuntimeException e) {
            throw undefined(key, name, " (" + e.getMessage() + ")");
        }
        if (v == null) {
            throw undefined(key, name, "");
        }
        return v;
    }

    private ConfException undefined(String key, String name, String why) {
        return new ConfException(
                "Key "
                        + key
                        + " in "
                        + tree.locationOf(key)
                        + " refers to ${"
                        + name
                        + "}, which is not defined"
                        + why
                        + ": it is no key of the conf"
                        + (name.contains(":") ? " and its lookup found nothing" : "")
                        + ". Use ${other.key}, ${env:NAME} or ${sys:property}; write $${...} for"
                        + " a literal ${...}.");
    }

    /** Keys of the resolved conf, their own variables resolved first (cycles are errors). */
    private final class KeyLookup implements Lookup {
        @Override
        public Object lookup(String variable) {
            Object v = Overrides.find(tree.root, List.of(variable.split("\\.", -1)));
            if (v == Overrides.MISSING || v == null || v instanceof Map<?, ?>) {
                return null;
            }
            if (v instanceof String s && s.contains("${")) {
                if (resolving.contains(variable)) {
                    List<String> cycle = new ArrayList<>(resolving);
                    java.util.Collections.reverse(cycle);
                    cycle.add(variable);
                    throw new ConfException(
                            "Conf variables refer to each other in a cycle: "
                                    + String.join(" -> ", cycle)
                                    + " (in "
                                    + tree.locationOf(variable)
                                    + ").");
                }
                return value(variable, s);
            }
            return v;
        }
    }
}
