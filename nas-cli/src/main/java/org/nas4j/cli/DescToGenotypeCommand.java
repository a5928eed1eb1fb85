package org.nas4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nas4j.core.genotype.Genotype;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas desc to-genotype FILE}: prints a final desc's cells in DARTS genotype notation. */
@Command(
        name = "to-genotype",
        description = {
            "Print the cells of a final model description in DARTS genotype notation"
                    + " (two edges per node).",
            ""
        })
final class DescToGenotypeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Final ModelDesc JSON file.")
    Path file;

    @Override
    public Integer call() {
        Genotype genotype = Genotype.fromDesc(DescFiles.load(file), file.toString());
        spec.commandLine().getOut().println(genotype);
        return 0;
    }
}
