package org.nas4j.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.nas4j.search.Algorithm;
import org.nas4j.search.Algorithms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code nas algos}: every installed algorithm, one line each: its name, what it does and the paper
 * it comes from. An algorithm is installed when a jar on the class path lists it in {@code
 * META-INF/services/org.nas4j.search.Algorithm} (the launcher adds {@code NAS_CLASSPATH}).
 */
@Command(
        name = "algos",
        description =
                "List the installed algorithms (built-in and from plug-in jars) with their papers.")
final class AlgosCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        List<Algorithm> algos =
                Algorithms.installed().list().stream()
                        .sorted(Comparator.comparing(Algorithm::name))
                        .toList();
        PrintWriter out = spec.commandLine().getOut();
        int width = algos.stream().mapToInt(a -> a.name().length()).max().orElse(0);
        for (Algorithm a : algos) {
            out.printf("%-" + width + "s  %s  [%s]%n", a.name(), a.description(), a.paper());
        }
        out.flush();
        return 0;
    }
}
