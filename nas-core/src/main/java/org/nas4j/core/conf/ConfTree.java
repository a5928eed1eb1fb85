package org.nas4j.core.conf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A mutable conf tree of plain values together with the file every key came from; the working state
 * behind an immutable {@link Conf}.
 */
final class ConfTree {
    static final String INCLUDE = "__include__";
    static final String COPY = "_copy";

    /** The tree: nested {@code LinkedHashMap}s, lists and scalars. */
    final Map<String, Object> root;

    /** Dotted key path to the display name of the file (or override) it came from. */
    final TreeMap<String, String> sources;

    /** Display names of the conf files loaded, in order, for messages. */
    final List<String> files;

    /** Dotted key path a {@code _copy} filled to the path it was copied from. */
    final Map<String, String> copiedFrom = new LinkedHashMap<>();

    ConfTree(Map<String, Object> root, TreeMap<String, String> sources, List<String> files) {
        this.root = root;
        this.sources = sources;
        this.files = files;
    }

    static ConfTree empty() {
        return new ConfTree(new LinkedHashMap<>(), new TreeMap<>(), new ArrayList<>());
    }

    /** A tree of one file's values, each recorded as coming from {@code source}. */
    static ConfTree of(Map<String, Object> root, String source) {
        return of(root, source, Map.of());
    }

    /**
     * A tree of one file's values, each recorded as coming from {@code source}, at its line in
     * {@code lines} when known ({@code confs/algos/darts.yaml:42}).
     */
    static ConfTree of(Map<String, Object> root, String source, Map<String, Integer> lines) {
        ConfTree t = new ConfTree(root, new TreeMap<>(), new ArrayList<>(List.of(source)));
        t.recordSources(root, "", source);
        t.sources.replaceAll(
                (path, src) -> lines.containsKey(path) ? src + ":" + lines.get(path) : src);
        return t;
    }

    ConfTree copy() {
        ConfTree t =
                new ConfTree(Values.copyMap(root), new TreeMap<>(sources), new ArrayList<>(files));
        t.copiedFrom.putAll(copiedFrom);
        return t;
    }

    /**
     * Deep-merges {@code over} into this tree: mappings merge key by key, anything else replaces.
     */
    void mergeOver(ConfTree over) {
        merge(root, over.root, "", over);
        for (String f : over.files) {
            if (!files.contains(f)) {
                files.add(f);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void merge(
            Map<String, Object> base, Map<String, Object> over, String prefix, ConfTree from) {
        for (Map.Entry<String, Object> e : over.entrySet()) {
            String path = join(prefix, e.getKey());
            Object old = base.get(e.getKey());
            if (old instanceof Map && e.getValue() instanceof Map) {
                merge((Map<String, Object>) old, (Map<String, Object>) e.getValue(), path, from);
            } else {
                base.put(e.getKey(), Values.deepCopy(e.getValue()));
                clearSourcesUnder(path);
                from.sourcesUnder(path).forEach(sources::put);
            }
        }
    }

    /** Records that {@code path} and everything under it now come from {@code source}. */
    void setSource(String path, Object value, String source) {
        clearSourcesUnder(path);
        recordSources(value, path, source);
    }

    /** Gives everything under {@code to} the sources of the matching keys under {@code from}. */
    void copySources(String from, String to) {
        copiedFrom.put(to, from);
        Map<String, String> copied = new LinkedHashMap<>();
        sourcesUnder(from).forEach((k, v) -> copied.put(to + k.substring(from.length()), v));
        clearSourcesUnder(to);
        sources.putAll(copied);
    }

    /** The file a key came from, or the nearest ancestor's, or the list of files loaded. */
    String sourceOf(String path) {
        return locationOf(path).replaceFirst(":[0-9]+$", "");
    }

    /** Like {@link #sourceOf} with the key's line when known: {@code confs/algos/darts.yaml:42}. */
    String locationOf(String path) {
        String p = path;
        while (true) {
            String s = sources.get(p);
            if (s != null) {
                return s;
            }
            int dot = p.lastIndexOf('.');
            if (p.isEmpty()) {
                return files.isEmpty() ? "<no file>" : String.join(", ", files);
            }
            p = dot < 0 ? "" : p.substring(0, dot);
        }
    }

    static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    private Map<String, String> sourcesUnder(String path) {
        Map<String, String> out = new LinkedHashMap<>();
        if (sources.containsKey(path)) {
            out.put(path, sources.get(path));
        }
        // '/' is the character after '.', so this range is exactly the keys below path
        out.putAll(sources.subMap(path + ".", path + "/"));
        return out;
    }

    private void clearSourcesUnder(String path) {
        sources.remove(path);
        sources.subMap(path + ".", path + "/").clear();
    }

    private void recordSources(Object value, String path, String source) {
        if (!path.isEmpty()) {
            sources.put(path, source);
        }
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                recordSources(e.getValue(), join(path, (String) e.getKey()), source);
            }
        }
    }
}
