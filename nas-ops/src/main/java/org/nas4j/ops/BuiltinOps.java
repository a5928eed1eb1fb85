package org.nas4j.ops;

/** The built-in ops, registered under their DARTS/Archai names. */
final class BuiltinOps {
    private BuiltinOps() {}

    static void registerAll(OpRegistry r) {
        // Filled in by the ops work (issue: every supergraph op as a DJL block).
    }
}
