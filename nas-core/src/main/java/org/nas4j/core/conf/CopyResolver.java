package org.nas4j.core.conf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nas4j.core.ConfException;

/**
 * Resolves Archai's {@code _copy} in place.
 *
 * <p>{@code key: {_copy: /path}} deep-merges as Archai does: the mapping at {@code /path} is the
 * base and the mapping's own keys override it at any depth (a nested mapping given in part keeps
 * the base's other keys: {@code trainer: {_copy: /x, optimizer: {lr: 0.5}}} keeps {@code /x}'s
 * momentum and decay); {@code key: '_copy: /path'}, or a mapping holding nothing but a {@code
 * _copy} of a value that is not a mapping, takes the value at {@code /path}. Paths are absolute
 * ({@code /a/b}) or relative ({@code ../b}) to the mapping that holds the {@code _copy}: the
 * mapping itself for {@code {_copy: ...}}, the parent for the scalar form. Targets are resolved
 * before they are copied, so copies of copies work; a copy that reaches itself is a cycle error.
 */
final class CopyResolver {
    private final ConfTree tree;
    private final Set<String> inProgress = new LinkedHashSet<>();
    private final ValueBudget values;

    private CopyResolver(ConfTree tree) {
        this.tree = tree;
        // a mapping that copies another twice, forty levels over, would ask for 2^40 values
        this.values =
                ValueBudget.charged(
                        "The conf loaded from " + String.join(", ", tree.files),
                        tree.root,
                        "the conf as written");
    }

    /** Returns a resolved copy of {@code raw}; {@code raw} itself is left unchanged. */
    static ConfTree resolve(ConfTree raw) {
        ConfTree t = raw.copy();
        new CopyResolver(t).resolveMapping(t.root, List.of());
        return t;
    }

    /**
     * Turns a {@code _copy} path into absolute segments, relative to {@code base}.
     *
     * @param where what holds the copy, for the message when the path climbs above the root
     */
    static List<String> absolute(List<String> base, String path, String where) {
        List<String> out = new ArrayList<>(path.startsWith("/") ? List.of() : base);
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (out.isEmpty()) {
                    throw new ConfException(
                            "The _copy path '" + path + "' at " + where + " goes above the root.");
                }
                out.remove(out.size() - 1);
            } else {
                out.add(seg);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private void resolveMapping(Map<String, Object> m, List<String> path) {
        fillFromCopy(m, path);
        for (String key : new ArrayList<>(m.keySet())) {
            Object v = resolveCopyAt(m, path, key);
            if (v instanceof Map<?, ?> child) {
                resolveMapping((Map<String, Object>) child, child(path, key));
            }
        }
    }

    /**
     * Replaces {@code parent[key]} by its value when it is a scalar copy, or a mapping that holds
     * only a {@code _copy} of a value that is not a mapping; returns the (new) value.
     */
    private Object resolveCopyAt(Map<String, Object> parent, List<String> parentPath, String key) {
        Object v = parent.get(key);
        List<String> path = child(parentPath, key);
        if (Values.isCopyScalar(v)) {
            v = copyScalar((String) v, parentPath, path);
            parent.put(key, v);
        } else if (v instanceof Map<?, ?> m
                && m.size() == 1
                && m.get(ConfTree.COPY) instanceof String spec) {
            String here = slash(path);
            enter(here);
            List<String> target = absolute(path, spec, here);
            Object value = lookup(target, here);
            inProgress.remove(here);
            if (!(value instanceof Map<?, ?>)) {
                v = copy(value, here);
                parent.put(key, v);
                tree.copySources(dotted(target), dotted(path));
            }
        }
        return v;
    }

    private void fillFromCopy(Map<String, Object> m, List<String> path) {
        if (!m.containsKey(ConfTree.COPY)) {
            return;
        }
        Object spec = m.get(ConfTree.COPY);
        String here = slash(path);
        if (!(spec instanceof String s)) {
            throw new ConfException(
                    "The _copy at "
                            + here
                            + " in "
                            + tree.sourceOf(dotted(path))
                            + " is "
                            + Values.describe(spec)
                            + "; expected a path such as /dataset or ../model_desc.");
        }
        enter(here);
        List<String> target = absolute(path, s, here);
        Object value = lookup(target, here);
        if (!(value instanceof Map<?, ?> source)) {
            throw new ConfException(
                    "The _copy at "
                            + here
                            + " in "
                            + tree.sourceOf(dotted(path))
                            + " refers to "
                            + slash(target)
                            + ", which is "
                            + Values.kind(value)
                            + ", not a mapping; use the scalar form key: '_copy: "
                            + s
                            + "' to copy a value.");
        }
        m.remove(ConfTree.COPY);
        deepFill(m, source, target, path);
        inProgress.remove(here);
    }

    /** Adds to {@code m}, at every depth, the keys of {@code source} it lacks. */
    @SuppressWarnings("unchecked")
    private void deepFill(
            Map<String, Object> m, Map<?, ?> source, List<String> target, List<String> path) {
        for (Map.Entry<?, ?> e : source.entrySet()) {
            String key = (String) e.getKey();
            if (!m.containsKey(key)) {
                m.put(key, copy(e.getValue(), slash(child(path, key))));
                tree.copySources(dotted(child(target, key)), dotted(child(path, key)));
            } else if (m.get(key) instanceof Map<?, ?> own
                    && e.getValue() instanceof Map<?, ?> base) {
                deepFill((Map<String, Object>) own, base, child(target, key), child(path, key));
            }
        }
    }

    private Object copyScalar(String spec, List<String> parent, List<String> path) {
        String here = slash(path);
        enter(here);
        List<String> target = absolute(parent, Values.copyScalarPath(spec), here);
        Object value = copy(lookup(target, here), here);
        tree.copySources(dotted(target), dotted(path));
        inProgress.remove(here);
        return value;
    }

    /** The fully resolved value at {@code target}, resolving copies on the way there. */
    @SuppressWarnings("unchecked")
    private Object lookup(List<String> target, String from) {
        Object node = tree.root;
        List<String> at = new ArrayList<>();
        for (String seg : target) {
            if (!(node instanceof Map<?, ?>)) {
                throw missing(from, target, at);
            }
            Map<String, Object> m = (Map<String, Object>) node;
            fillFromCopy(m, at);
            if (!m.containsKey(seg)) {
                throw missing(from, target, at);
            }
            node = resolveCopyAt(m, at, seg);
            at = child(at, seg);
        }
        if (node instanceof Map<?, ?> m) {
            resolveMapping((Map<String, Object>) m, target);
        }
        return node;
    }

    /** A copy of {@code value} for the {@code _copy} at {@code here}, charged to the budget. */
    private Object copy(Object value, String here) {
        values.takeAll(value, "_copy entries copy what they name; now at " + here);
        return Values.deepCopy(value);
    }

    private ConfException missing(String from, List<String> target, List<String> at) {
        return new ConfException(
                "The _copy at "
                        + from
                        + " in "
                        + tree.sourceOf(dotted(pathOf(from)))
                        + " refers to "
                        + slash(target)
                        + ", which does not exist (it stops at "
                        + slash(at)
                        + ").");
    }

    /** Longest chain of {@code _copy} entries followed at once (a copy of a copy of ...). */
    static final int MAX_CHAIN = 64;

    private void enter(String here) {
        if (inProgress.size() >= MAX_CHAIN && !inProgress.contains(here)) {
            List<String> chain = new ArrayList<>(inProgress);
            throw new ConfException(
                    "The _copy entries chain more than "
                            + MAX_CHAIN
                            + " copies deep (starting "
                            + String.join(" -> ", chain.subList(0, 3))
                            + " -> ...), in "
                            + String.join(", ", tree.files)
                            + "; the limit keeps a conf from exhausting the stack.");
        }
        if (!inProgress.add(here)) {
            List<String> chain = new ArrayList<>(inProgress);
            chain = chain.subList(chain.indexOf(here), chain.size());
            chain.add(here);
            throw new ConfException(
                    "The _copy entries form a cycle: " + String.join(" -> ", chain) + ".");
        }
    }

    private static List<String> child(List<String> path, String key) {
        List<String> out = new ArrayList<>(path);
        out.add(key);
        return out;
    }

    private static List<String> pathOf(String slash) {
        return absolute(List.of(), slash, slash);
    }

    static String slash(List<String> path) {
        return "/" + String.join("/", path);
    }

    static String dotted(List<String> path) {
        return String.join(".", path);
    }
}
