package org.nas4j.core.conf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.ConfException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Parses and writes YAML with SnakeYAML's safe constructor only: tags never construct arbitrary
 * Java objects, duplicate keys are errors, and values are plain maps, lists, strings, numbers and
 * booleans.
 */
final class Yamls {
    /** Deepest nesting of mappings and lists a conf may have (ours are 6 deep). */
    static final int MAX_DEPTH = 64;

    /**
     * Most values a conf may expand to once aliases are copied out: an alias bomb stays under
     * SnakeYAML's alias limit yet expands to billions of values.
     */
    static final int MAX_VALUES = 1_000_000;

    /** Largest conf text, in characters (ours are under 10,000). */
    static final int MAX_CODE_POINTS = 4 * 1024 * 1024;

    /**
     * Most aliases ({@code *a}) of mappings and lists a conf may use: SnakeYAML's default, written
     * out so that the limits are in one place.
     */
    static final int MAX_ALIASES = 50;

    private static final String ALIASES = "aliases such as *a copy what they name";

    private Yamls() {}

    private static Yaml newYaml() {
        LoaderOptions loading = new LoaderOptions();
        // a key written twice in one file is nearly always a mistake; report it with its line
        loading.setAllowDuplicateKeys(false);
        loading.setNestingDepthLimit(MAX_DEPTH);
        loading.setCodePointLimit(MAX_CODE_POINTS);
        loading.setMaxAliasesForCollections(MAX_ALIASES);
        DumperOptions dumping = new DumperOptions();
        dumping.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumping.setIndent(2);
        dumping.setIndicatorIndent(2);
        dumping.setIndentWithIndicator(true);
        dumping.setWidth(120);
        return new Yaml(
                new SafeConstructor(loading), new PlainRepresenter(dumping), dumping, loading);
    }

    /**
     * The 1-based line of each mapping key of a YAML text, by dotted key path, for messages; empty
     * when the text does not parse (then {@link #parseMapping} reports why).
     */
    static Map<String, Integer> keyLines(String text) {
        Map<String, Integer> out = new java.util.HashMap<>();
        try {
            collectLines(newYaml().compose(new java.io.StringReader(text)), "", out, 0);
        } catch (YAMLException | ConfException e) {
            out.clear();
        }
        return out;
    }

    private static void collectLines(
            Node node, String prefix, Map<String, Integer> out, int depth) {
        // aliases share nodes: an alias bomb or a recursive alias must not be walked out in full
        if (!(node instanceof org.yaml.snakeyaml.nodes.MappingNode m)
                || depth > MAX_DEPTH
                || out.size() > MAX_VALUES) {
            return;
        }
        for (org.yaml.snakeyaml.nodes.NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k) {
                String path = prefix.isEmpty() ? k.getValue() : prefix + "." + k.getValue();
                out.put(path, k.getStartMark().getLine() + 1);
                collectLines(t.getValueNode(), path, out, depth + 1);
            }
        }
    }

    /**
     * Parses one YAML document whose top level is a mapping (an empty document is an empty one).
     *
     * @param budget the values of the conf this file is part of, charged with this file's
     * @throws ConfException naming {@code sourceName}, line and column when the text is not YAML
     */
    static Map<String, Object> parseMapping(String text, String sourceName, ValueBudget budget) {
        Object doc;
        try {
            // Yaml instances are not thread-safe: one per call
            doc = newYaml().load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where =
                    mark == null
                            ? ""
                            : " at line "
                                    + (mark.getLine() + 1)
                                    + ", column "
                                    + (mark.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            throw new ConfException(
                    "Could not parse YAML file "
                            + sourceName
                            + where
                            + ": "
                            + problem
                            + context
                            + ".",
                    e);
        } catch (YAMLException e) {
            throw new ConfException(
                    "Could not parse YAML file " + sourceName + ": " + e.getMessage() + ".", e);
        }
        if (doc == null) {
            return new LinkedHashMap<>();
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new ConfException(
                    "YAML file "
                            + sourceName
                            + " must hold a mapping of keys at its top level, but holds "
                            + Values.describe(doc)
                            + ".");
        }
        return normalizeMap(map, budget, 0, "in " + sourceName + ": " + ALIASES);
    }

    /** Parses a single YAML scalar or flow collection, as YAML would type it. */
    static Object parseValue(String text, String what) {
        try {
            Object v = newYaml().load(text);
            ValueBudget b = new ValueBudget("The " + what);
            return v instanceof Map<?, ?> m
                    ? normalizeMap(m, b, 0, ALIASES)
                    : normalize(v, b, 0, ALIASES);
        } catch (YAMLException e) {
            throw new ConfException(
                    "Could not read " + what + " '" + text + "' as a YAML value: " + e.getMessage(),
                    e);
        }
    }

    /** Writes a tree of plain values as block-style YAML. */
    static String dump(Map<String, Object> tree) {
        return newYaml().dump(tree);
    }

    private static Map<String, Object> normalizeMap(
            Map<?, ?> map, ValueBudget budget, int depth, String how) {
        budget.take(depth, how);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.put(String.valueOf(e.getKey()), normalize(e.getValue(), budget, depth + 1, how));
        }
        return out;
    }

    private static Object normalize(Object v, ValueBudget budget, int depth, String how) {
        if (v instanceof Map<?, ?> m) {
            return normalizeMap(m, budget, depth, how);
        }
        budget.take(depth, how);
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(normalize(o, budget, depth + 1, how));
            }
            return out;
        }
        return v;
    }

    /** Writes doubles as people write them (0.0003, not 3.0E-4) while keeping them floats. */
    private static final class PlainRepresenter extends Representer {
        PlainRepresenter(DumperOptions options) {
            super(options);
            Represent doubles = this::representDouble;
            this.representers.put(Double.class, doubles);
            this.representers.put(Float.class, doubles);
        }

        private Node representDouble(Object data) {
            double d = ((Number) data).doubleValue();
            String text;
            if (Double.isNaN(d)) {
                text = ".nan";
            } else if (Double.isInfinite(d)) {
                text = d > 0 ? ".inf" : "-.inf";
            } else {
                text = Double.toString(d);
                if (text.contains("E")) {
                    String plain = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
                    if (!plain.contains(".")) {
                        plain += ".0";
                    }
                    if (plain.length() <= 20) {
                        text = plain;
                    }
                }
            }
            return representScalar(Tag.FLOAT, text);
        }
    }
}
