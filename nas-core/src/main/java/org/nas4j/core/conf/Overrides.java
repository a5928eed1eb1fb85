package org.nas4j.core.conf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.ConfException;

/**
 * Applies command-line overrides ({@code --nas.search.trainer.epochs 1}) to a conf tree.
 *
 * <p>An override must name a key that exists once copies are resolved, and its text is typed like
 * the value it replaces. It is written into the unresolved tree, so an override of {@code
 * --dataset.img_size} reaches every {@code _copy} of {@code /dataset}, and an override under a copy
 * (say {@code --nas.search.model_desc.dataset.img_size}) wins over the copied value.
 */
final class Overrides {
    /** One {@code --key value} pair. */
    record Override(String key, String text) {}

    private Overrides() {}

    /** Splits {@code ["--a.b", "1", "--c=x"]} into pairs; dangling keys are errors. */
    static List<Override> parse(List<String> args) {
        List<Override> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new ConfException(
                        "Expected a conf override such as --nas.search.trainer.epochs 1, but got '"
                                + arg
                                + "' (argument "
                                + (i + 1)
                                + " of "
                                + args
                                + ").");
            }
            String key = arg.substring(2);
            int eq = key.indexOf('=');
            if (eq >= 0) {
                out.add(new Override(key.substring(0, eq), key.substring(eq + 1)));
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                out.add(new Override(key, args.get(++i)));
            } else {
                throw new ConfException(
                        "The conf override --"
                                + key
                                + " has no value; write --"
                                + key
                                + " <value>.");
            }
        }
        return out;
    }

    /**
     * Applies each override in turn to {@code raw}.
     *
     * @param prefix dotted path the keys are relative to ("" for the root)
     */
    static void apply(ConfTree raw, List<String> args, String prefix) {
        for (Override o : parse(args)) {
            String key = ConfTree.join(prefix, o.key());
            ConfTree resolved = CopyResolver.resolve(raw);
            List<String> segs = Arrays.asList(key.split("\\.", -1));
            Object current = find(resolved.root, segs);
            if (current == MISSING) {
                throw new ConfException(
                        "The conf override --"
                                + key
                                + " names a key that does not exist in "
                                + String.join(", ", raw.files)
                                + ". Nearest existing keys: "
                                + String.join(", ", KeySuggestions.nearest(resolved.root, key, 5))
                                + ".");
            }
            String what =
                    "override --"
                            + key
                            + " (replacing "
                            + Values.describe(current)
                            + " from "
                            + resolved.sourceOf(key)
                            + ")";
            Object value = OverrideTypes.typed(o.text(), current, what);
            set(raw, segs, value);
            raw.setSource(key, value, "command line (--" + key + ")");
        }
    }

    static final Object MISSING = new Object();

    /** The value at {@code segs}, or {@link #MISSING}. */
    static Object find(Map<String, Object> root, List<String> segs) {
        Object node = root;
        for (String seg : segs) {
            if (!(node instanceof Map<?, ?> m) || !m.containsKey(seg)) {
                return MISSING;
            }
            node = m.get(seg);
        }
        return node;
    }

    /**
     * Writes {@code value} at {@code segs} in the unresolved tree. The key exists in the resolved
     * tree, so a mapping on the way that lacks it gets it from a {@code _copy}: the missing level
     * is created as a copy of the matching subtree, and a scalar copy becomes a mapping copy.
     */
    @SuppressWarnings("unchecked")
    private static void set(ConfTree raw, List<String> segs, Object value) {
        Map<String, Object> node = raw.root;
        for (String seg : segs.subList(0, segs.size() - 1)) {
            Object child = node.get(seg);
            if (Values.isCopyScalar(child)) {
                // the scalar's path is relative to `node`; the new mapping sits one level deeper
                child = copyMapping(rebase(Values.copyScalarPath((String) child), null));
                node.put(seg, child);
            } else if (child == null && node.get(ConfTree.COPY) instanceof String spec) {
                child = copyMapping(rebase(spec, seg));
                node.put(seg, child);
            }
            if (!(child instanceof Map<?, ?>)) {
                throw new IllegalStateException(
                        "Override path "
                                + segs
                                + " exists resolved but not in the raw tree at "
                                + seg);
            }
            node = (Map<String, Object>) child;
        }
        node.put(segs.get(segs.size() - 1), value);
    }

    private static Map<String, Object> copyMapping(String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(ConfTree.COPY, path);
        return m;
    }

    /** A copy path seen from one level deeper, optionally descending into {@code key}. */
    private static String rebase(String path, String key) {
        String base = path.startsWith("/") ? path : "../" + path;
        return key == null ? base : base.replaceAll("/+$", "") + "/" + key;
    }
}
