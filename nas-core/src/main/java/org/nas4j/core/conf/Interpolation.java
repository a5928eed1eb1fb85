package org.nas4j.core.conf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.configuration2.interpol.ConfigurationInterpolator;
import org.apache.commons.configuration2.interpol.DefaultLookups;
import org.apache.commons.text.StringSubstitutor;
import org.nas4j.core.ConfException;

/**
 * Variables in conf values, as commons-configuration2 users write them: {@code ${other.key}} (a
 * full dotted key of the conf), {@code ${env:NAME}}, {@code ${sys:prop}} (the environment and
 * system-property lookups of {@link ConfigurationInterpolator}; its other lookups, which read files
 * or the network, are not offered), {@code ${name:-default}} for a default, and {@code $${x}} for a
 * literal {@code ${x}}.
 *
 * <p>A value that is one variable and nothing else takes the referenced value with its type ({@code
 * epochs: ${nas.search.trainer.epochs}} is an int; an environment variable or property is typed as
 * a YAML scalar would be); within a longer text a variable becomes text. Applied after {@code
 * _copy}, so a copy carries its variables along. An undefined variable, a cycle, a chain over
 * {@link CopyResolver#MAX_CHAIN}, or text past {@link Yamls#MAX_CODE_POINTS} characters is an error
 * naming the key, its file and line.
 */
final class Interpolation {
    private static final Pattern WHOLE = Pattern.compile("\\$\\{([^${}]+)}");
    private static final String DEFAULT = ":-";
    private static final String HELP =
            " Write ${other.key}, ${env:NAME} or ${sys:property}, ${name:-default} for a default,"
                    + " and $${...} for a literal ${...}.";

    private final ConfTree tree;
    private final ConfigurationInterpolator lookups = new ConfigurationInterpolator();
    private final StringSubstitutor substitutor;
    private final Map<String, Object> done = new HashMap<>();
    private final Deque<String> resolving = new ArrayDeque<>();
    private final ValueBudget values;
    private long chars;

    private Interpolation(ConfTree tree) {
        this.tree = tree;
        lookups.registerLookup("env", DefaultLookups.ENVIRONMENT.getLookup());
        lookups.registerLookup("sys", DefaultLookups.SYSTEM_PROPERTIES.getLookup());
        substitutor = new StringSubstitutor(name -> text(resolving.peek(), name));
        // a value is substituted once: a literal ${x} it holds (written $${x}) stays literal
        substitutor.setDisableSubstitutionInValues(true);
        substitutor.setValueDelimiterMatcher(null); // defaults are read here, typed like values
        values = ValueBudget.charged(files(), tree.root, "the conf as written");
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

    /** Whether {@code v} is a string that is one variable and nothing else. */
    static boolean isWholeVariable(Object v) {
        return v instanceof String s && WHOLE.matcher(s).matches();
    }

    /**
     * A copy of {@code v} with every {@code ${} in its strings written {@code $${}, so that a
     * resolved value written out (config_used.yaml, the commons view) reads back the same.
     */
    static Object escaped(Object v) {
        if (v instanceof String s) {
            return s.replace("${", "$${");
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) k, escaped(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l.stream().map(Interpolation::escaped).toList());
        }
        return v;
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
            if (e.getValue() instanceof Map<?, ?> child) {
                walk((Map<String, Object>) child, key);
            } else {
                e.setValue(resolveKey(key, e.getValue()));
            }
        }
    }

    /** The resolved value of the leaf {@code key}, whose value as written is {@code raw}. */
    private Object resolveKey(String key, Object raw) {
        if (done.containsKey(key)) {
            return done.get(key);
        }
        if (!holdsVariable(raw)) {
            return raw;
        }
        if (resolving.contains(key)) {
            List<String> cycle = new ArrayList<>(resolving);
            java.util.Collections.reverse(cycle);
            cycle = new ArrayList<>(cycle.subList(cycle.indexOf(key), cycle.size()));
            cycle.add(key);
            throw new ConfException(
                    "Conf variables refer to each other in a cycle: "
                            + String.join(" -> ", cycle)
                            + " (in "
                            + tree.locationOf(key)
                            + ").");
        }
        if (resolving.size() >= CopyResolver.MAX_CHAIN) {
            List<String> chain = new ArrayList<>(resolving);
            java.util.Collections.reverse(chain);
            throw new ConfException(
                    "Conf variables chain more than "
                            + CopyResolver.MAX_CHAIN
                            + " deep (starting "
                            + String.join(" -> ", chain.subList(0, 3))
                            + " -> ...), in "
                            + files()
                            + "; the limit keeps a conf from exhausting the stack.");
        }
        resolving.push(key);
        try {
            Object v = resolveValue(raw);
            done.put(key, v);
            return v;
        } finally {
            resolving.pop();
        }
    }

    /** {@code raw} with its variables replaced, for the key on top of {@link #resolving}. */
    private Object resolveValue(Object raw) {
        if (raw instanceof String s) {
            return string(s);
        }
        if (raw instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(o -> out.add(resolveValue(o)));
            return out;
        }
        if (raw instanceof Map<?, ?> m) { // a mapping inside a list
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, resolveValue(v)));
            return out;
        }
        return raw;
    }

    private Object string(String s) {
        if (!s.contains("${")) {
            return s;
        }
        String key = resolving.peek();
        Matcher whole = WHOLE.matcher(s);
        if (whole.matches()) {
            Object v = variable(key, whole.group(1), true);
            if (v instanceof List<?> l) {
                values.takeAll(l, "list variables copy what they name; now at key " + key);
                return Values.deepCopy(l);
            }
            return v;
        }
        String out = substitutor.replace(s);
        chars += out.length();
        if (chars > Yamls.MAX_CODE_POINTS) {
            throw new ConfException(
                    files()
                            + " expands its ${...} variables to more than "
                            + Yamls.MAX_CODE_POINTS
                            + " characters (now at key "
                            + key
                            + " in "
                            + tree.locationOf(key)
                            + "); the limit keeps a conf from exhausting memory.");
        }
        return out;
    }

    /** The value of variable {@code name} as a part of the text of {@code key}. */
    private String text(String key, String name) {
        Object v = variable(key, name, false);
        if (v == null || v instanceof Map<?, ?> || v instanceof List<?>) {
            throw new ConfException(
                    "Key "
                            + key
                            + " in "
                            + tree.locationOf(key)
                            + " refers to ${"
                            + name
                            + "}, which is "
                            + Values.kind(v)
                            + " and cannot be part of a longer text; a variable that is the whole"
                            + " value takes it as it is.");
        }
        return String.valueOf(v);
    }

    /**
     * The value of variable {@code name} ({@code other.key}, {@code env:NAME}, {@code sys:prop},
     * each with an optional {@code :-default}) in the value of {@code key}.
     *
     * @param whole whether the variable is the whole value: lookups and defaults are then typed
     */
    private Object variable(String key, String name, boolean whole) {
        int d = name.indexOf(DEFAULT);
        String var = d < 0 ? name : name.substring(0, d);
        String def = d < 0 ? null : name.substring(d + DEFAULT.length());
        int colon = var.indexOf(':');
        Object found = Overrides.find(tree.root, List.of(var.split("\\.", -1)));
        if (found instanceof Map<?, ?>) {
            throw new ConfException(
                    "Key "
                            + key
                            + " in "
                            + tree.locationOf(key)
                            + " refers to ${"
                            + name
                            + "}, which is a mapping; a variable takes a value. Copy a mapping"
                            + " with {_copy: /"
                            + var.replace('.', '/')
                            + "}.");
        }
        if (found != Overrides.MISSING) {
            return resolveKey(var, found);
        }
        String text = null;
        if (colon > 0 && lookups.prefixSet().contains(var.substring(0, colon))) {
            Object v = lookups.resolve(var);
            text = v == null ? null : String.valueOf(v);
        } else if (colon > 0 && var.substring(0, colon).matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new ConfException(
                    "Key "
                            + key
                            + " in "
                            + tree.locationOf(key)
                            + " refers to ${"
                            + name
                            + "}, but "
                            + var.substring(0, colon + 1)
                            + " is no lookup a conf may use; valid prefixes are env:, sys: (none for"
                            + " a key of the conf).");
        }
        text = text != null ? text : def;
        if (text == null) {
            throw undefined(key, name, var);
        }
        return whole ? OverrideTypes.yamlScalar(text) : text;
    }

    private ConfException undefined(String key, String name, String var) {
        String why =
                var.startsWith("env:")
                        ? "the environment variable " + var.substring(4) + " is not set"
                        : var.startsWith("sys:")
                                ? "the system property " + var.substring(4) + " is not set"
                                : "no key "
                                        + var
                                        + " in the conf; nearest keys: "
                                        + String.join(
                                                ", ", KeySuggestions.nearest(tree.root, var, 3));
        return new ConfException(
                "Key "
                        + key
                        + " in "
                        + tree.locationOf(key)
                        + " refers to ${"
                        + name
                        + "}, which is not defined: "
                        + why
                        + "."
                        + HELP);
    }

    private String files() {
        return "The conf loaded from " + String.join(", ", tree.files);
    }
}
