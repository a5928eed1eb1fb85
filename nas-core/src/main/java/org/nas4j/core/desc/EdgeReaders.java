package org.nas4j.core.desc;

/**
 * Finds the {@link EdgeReader} of a searchable op by name; an op registry is one. Code that only
 * holds descriptions (drawings, reports) takes one of these to read searched edges.
 */
@FunctionalInterface
public interface EdgeReaders {
    /** Knows no searchable op: every edge reads as its discrete op. */
    EdgeReaders NONE = name -> null;

    /** The reader of op {@code name}, or null when it is not a searchable op. */
    EdgeReader find(String name);

    /** Whether {@code name} is a searchable op. */
    default boolean isSearchable(String name) {
        return find(name) != null;
    }
}
