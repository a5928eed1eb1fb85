package org.nas4j.core.viz;

import java.util.List;
import java.util.Locale;
import org.nas4j.core.desc.EdgeCandidate;
import org.nas4j.core.desc.EdgeReader;
import org.nas4j.core.desc.EdgeReaders;
import org.nas4j.core.desc.OpDesc;

/** The text an edge shows: its op, or for a searchable edge the strongest op and its weight. */
final class EdgeLabel {
    private EdgeLabel() {}

    static String of(OpDesc op, EdgeReaders readers) {
        List<EdgeCandidate> candidates = candidates(op, readers);
        if (candidates.isEmpty()) {
            return op.name();
        }
        EdgeCandidate best = EdgeReader.strongest(candidates);
        return best == null
                ? "none"
                : String.format(Locale.ROOT, "%s %.2f", best.name(), best.weight());
    }

    /** Every candidate with its weight, one per line, for tooltips; empty for discrete ops. */
    static String detail(OpDesc op, EdgeReaders readers) {
        StringBuilder sb = new StringBuilder();
        for (EdgeCandidate c : candidates(op, readers)) {
            sb.append(String.format(Locale.ROOT, "%s: %.3f%n", c.name(), c.weight()));
        }
        return sb.toString().trim();
    }

    /** The candidates of a searchable edge that carries its weights; empty otherwise. */
    private static List<EdgeCandidate> candidates(OpDesc op, EdgeReaders readers) {
        EdgeReader reader = readers.find(op.name());
        if (reader == null || op.trainables().isEmpty()) {
            return List.of();
        }
        return reader.candidates(op);
    }
}
