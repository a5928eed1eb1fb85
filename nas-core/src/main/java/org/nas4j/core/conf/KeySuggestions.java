package org.nas4j.core.conf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Finds the existing keys nearest to a mistyped one, for "did you mean" messages. */
final class KeySuggestions {
    private KeySuggestions() {}

    /**
     * The up to {@code limit} dotted keys of {@code root} nearest to {@code key}: by edit distance
     * over the whole path, or over as many trailing segments as {@code key} has (so {@code
     * trainer.epoch} finds {@code nas.search.trainer.epochs}).
     */
    static List<String> nearest(Map<String, Object> root, String key, int limit) {
        List<String> all = new ArrayList<>();
        collect(root, "", all);
        int segs = key.split("\\.", -1).length;
        record Scored(String key, int score) {}
        List<Scored> scored = new ArrayList<>();
        for (String k : all) {
            int full = distance(key, k);
            int tail = distance(key, tail(k, segs)) + 1;
            scored.add(new Scored(k, Math.min(full, tail)));
        }
        scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::key));
        return scored.stream().limit(limit).map(Scored::key).toList();
    }

    private static void collect(Map<?, ?> m, String prefix, List<String> out) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String k = String.valueOf(e.getKey());
            if (k.startsWith("__")) {
                continue;
            }
            String path = ConfTree.join(prefix, k);
            out.add(path);
            if (e.getValue() instanceof Map<?, ?> child) {
                collect(child, path, out);
            }
        }
    }

    private static String tail(String key, int segs) {
        String[] parts = key.split("\\.");
        int from = Math.max(0, parts.length - segs);
        return String.join(".", java.util.Arrays.copyOfRange(parts, from, parts.length));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
