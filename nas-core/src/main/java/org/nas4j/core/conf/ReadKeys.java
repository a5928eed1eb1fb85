package org.nas4j.core.conf;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The full dotted keys of one resolved conf that some getter has read, shared by all its views.
 *
 * <p>Reading a key also reads the key its value was copied from ({@code _copy}), so a section that
 * only exists to be copied (such as the top-level {@code dataset}) counts as read through its
 * copies. Reading a mapping through {@link Conf#child} or {@link Conf#toMap} reads nothing.
 */
final class ReadKeys {
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    /** Records {@code key} and, through the tree's copies, every key it was copied from. */
    void mark(String key, ConfTree resolved) {
        if (!read.add(key)) {
            return;
        }
        for (Map.Entry<String, String> c : resolved.copiedFrom.entrySet()) {
            String to = c.getKey();
            if (key.equals(to) || key.startsWith(to + ".")) {
                mark(c.getValue() + key.substring(to.length()), resolved);
            } else if (to.startsWith(key + ".")) {
                mark(c.getValue(), resolved);
            }
        }
    }

    /** The keys read so far. */
    Set<String> keys() {
        return read;
    }

    /**
     * Adds to {@code out} the leaf keys under {@code node} (at {@code path}) not read. A value a
     * {@code _copy} filled in is skipped: the setting is the key it was copied from, reported
     * there.
     */
    void collectUnread(Object node, String path, ConfTree resolved, List<String> out) {
        if (isRead(path) || resolved.copiedFrom.containsKey(path)) {
            return;
        }
        if (node instanceof Map<?, ?> m && !m.isEmpty()) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = (String) e.getKey();
                if (!k.startsWith("__") && !k.equals(ConfTree.COPY)) {
                    collectUnread(e.getValue(), ConfTree.join(path, k), resolved, out);
                }
            }
        } else if (!path.isEmpty()) {
            out.add(path);
        }
    }

    /** Whether {@code path} or a mapping above it was read as a whole value. */
    private boolean isRead(String path) {
        String p = path;
        while (!p.isEmpty()) {
            if (read.contains(p)) {
                return true;
            }
            int dot = p.lastIndexOf('.');
            p = dot < 0 ? "" : p.substring(0, dot);
        }
        return false;
    }
}
