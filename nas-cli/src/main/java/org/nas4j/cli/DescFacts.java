package org.nas4j.cli;

import java.util.stream.Collectors;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.ModelDesc;

/** One-line facts about a model description, for the messages of the desc commands. */
final class DescFacts {
    private DescFacts() {}

    /** E.g. {@code 3 cells (1 reduction), 4 nodes per cell, 0 edges, 10 classes, input 1x28x28}. */
    static String oneLine(ModelDesc desc) {
        long reductions = desc.cells().stream().filter(CellDesc::isReduction).count();
        int maxNodes = desc.cells().stream().mapToInt(c -> c.nodes().size()).max().orElse(0);
        long edges =
                desc.cells().stream()
                        .flatMap(c -> c.nodes().stream())
                        .mapToLong(n -> n.edges().size())
                        .sum();
        String input =
                desc.inputShape().stream().map(String::valueOf).collect(Collectors.joining("x"));
        return plural(desc.cells().size(), "cell")
                + " ("
                + plural(reductions, "reduction")
                + "), "
                + plural(maxNodes, "node")
                + " per cell, "
                + plural(edges, "edge")
                + ", "
                + plural(desc.nClasses(), "class", "classes")
                + ", input "
                + input;
    }

    private static String plural(long n, String one) {
        return plural(n, one, one + "s");
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
