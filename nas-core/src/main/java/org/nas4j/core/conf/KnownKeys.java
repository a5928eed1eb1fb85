package org.nas4j.core.conf;

import java.util.Map;
import java.util.Set;
import org.nas4j.core.ConfException;

/**
 * Checks that a user's conf file sets only keys that exist in the conf it is applied over, as a
 * command-line override must: a misspelt key would otherwise be merged silently and the run would
 * use the default. {@code _copy} directives are not keys and pass, and so do new keys of a section
 * whose {@code type} the file sets (a schedule switched to {@code step} brings {@code step_size}).
 */
final class KnownKeys {
    /**
     * Keys of earlier confs that no longer exist: they pass here so that the run can say why they
     * went (ExperimentRunner refuses the file-name keys with the layout's fixed name).
     */
    static final Set<String> RETIRED =
            Set.of(
                    "nas.search.final_desc_filename",
                    "nas.eval.final_desc_filename",
                    "nas.eval.full_desc_filename");

    private static final String TYPE = "type";

    private KnownKeys() {}

    /** Throws a {@link ConfException} for the first key of {@code over} that {@code base} lacks. */
    static void check(ConfTree base, ConfTree over) {
        walk(base.root, over.root, "", base, over);
    }

    @SuppressWarnings("unchecked")
    private static void walk(
            Map<String, Object> base,
            Map<String, Object> over,
            String prefix,
            ConfTree baseTree,
            ConfTree overTree) {
        // a file that switches a typed section's type (lr_schedule.type: step) may set that
        // type's keys (step_size, gamma); the section's spec checks them against the type's own
        boolean switchesType = over.containsKey(TYPE) && base.containsKey(TYPE);
        for (Map.Entry<String, Object> e : over.entrySet()) {
            if (e.getKey().equals(ConfTree.COPY)
                    || (switchesType && !base.containsKey(e.getKey()))) {
                continue;
            }
            String path = ConfTree.join(prefix, e.getKey());
            if (!base.containsKey(e.getKey()) && !RETIRED.contains(path)) {
                throw new ConfException(
                        "Key '"
                                + path
                                + "' in "
                                + overTree.locationOf(path)
                                + " does not exist in the conf it is applied over ("
                                + String.join(", ", baseTree.files)
                                + "). Nearest existing keys: "
                                + String.join(", ", KeySuggestions.nearest(baseTree.root, path, 5))
                                + ".");
            }
            Object b = base.get(e.getKey());
            if (b instanceof Map<?, ?> bm && e.getValue() instanceof Map<?, ?> om) {
                walk((Map<String, Object>) bm, (Map<String, Object>) om, path, baseTree, overTree);
            }
        }
    }
}
