package org.nas4j.core.conf;

import java.util.List;
import java.util.Map;
import org.nas4j.core.ConfException;

/**
 * Counts the values (mappings, lists and scalars) a conf expands to against {@link
 * Yamls#MAX_VALUES}, wherever it grows: aliases when a file is parsed, {@code _copy} when copies
 * are resolved, list variables when {@code ${...}} is resolved. Each of these can double a conf per
 * line, so a few dozen lines could otherwise ask for billions of values.
 */
final class ValueBudget {
    private final String source;
    private long used;

    /**
     * @param source what the values come from, for the message: {@code YAML file a.yaml}
     */
    ValueBudget(String source) {
        this.source = source;
    }

    /** A budget already charged with every value of {@code tree}. */
    static ValueBudget charged(String source, Map<String, Object> tree, String how) {
        ValueBudget b = new ValueBudget(source);
        b.takeAll(tree, how);
        return b;
    }

    /**
     * Takes one value nested {@code depth} levels deep.
     *
     * @param how what made the values, for the message
     */
    void take(int depth, String how) {
        if (++used > Yamls.MAX_VALUES) {
            throw new ConfException(
                    source
                            + " expands to more than "
                            + Yamls.MAX_VALUES
                            + " values ("
                            + how
                            + "); the limit keeps a conf from exhausting memory.");
        }
        if (depth > Yamls.MAX_DEPTH) {
            throw new ConfException(
                    source
                            + " nests mappings and lists more than "
                            + Yamls.MAX_DEPTH
                            + " levels deep ("
                            + how
                            + "); the limit keeps a conf from exhausting the stack.");
        }
    }

    /** Takes every value of {@code v}; stops, with the error, as soon as the budget is spent. */
    void takeAll(Object v, String how) {
        takeAll(v, 0, how);
    }

    private void takeAll(Object v, int depth, String how) {
        take(depth, how);
        if (v instanceof Map<?, ?> m) {
            for (Object o : m.values()) {
                takeAll(o, depth + 1, how);
            }
        } else if (v instanceof List<?> l) {
            for (Object o : l) {
                takeAll(o, depth + 1, how);
            }
        }
    }
}
