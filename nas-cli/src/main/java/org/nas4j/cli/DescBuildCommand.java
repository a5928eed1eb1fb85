package org.nas4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.eval.ExperimentRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code nas desc build}: writes the model description of the network an algorithm trains in a
 * phase, built by the algorithm's own builder from {@code nas.<phase>.model_desc}: the supernet of
 * a search (mixed ops and architecture weights), a drawn random or NAS-Bench-101 cell, a manual
 * model; for the eval phase the deeper network built from a genotype's cells.
 */
@Command(
        name = "build",
        description = {
            "Build the model description of the network an algorithm trains: its search network"
                    + " (the supernet; for random, nasbench101 and manual the network they train,"
                    + " e.g. --algo manual --model my_net.yaml) or, with --phase eval, the eval"
                    + " network built from --genotype's cells.",
            ""
        },
        footer = {
            "",
            "Any other --KEY VALUE overrides a conf value, e.g. --nas.search.model_desc.n_cells 5."
        })
final class DescBuildCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConfOptions confOptions;

    @Unmatched List<String> overrides = new ArrayList<>();

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "FILE",
            description = "Where to write the ModelDesc JSON.")
    Path output;

    @Option(
            names = "--genotype",
            paramLabel = "NAME|GENOTYPE",
            description =
                    "Cells of the --phase eval network (default DARTS_V2; for an algorithm that"
                            + " trains no supernet, the network its search phase builds).")
    String genotype;

    private String phase = "search";

    @Option(
            names = "--phase",
            paramLabel = "search|eval",
            description =
                    "search: the supergraph with non-affine BatchNorm (default); eval: affine.")
    void setPhase(String value) {
        if (!value.equals("search") && !value.equals("eval")) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Unknown phase '" + value + "' for --phase; use search or eval.");
        }
        phase = value;
    }

    @Override
    public Integer call() {
        Conf conf = confOptions.load(overrides);
        ExperimentRunner runner = ExperimentRunner.of(conf);
        // the network the algorithm trains in that phase: for search its supernet (or drawn cell,
        // or model); for eval the deeper network built from --genotype's cells (default DARTS_V2)
        // or, for an algorithm that trains no supernet, from its search desc
        ModelDesc desc =
                phase.equals("search")
                        ? runner.searcher().buildDesc()
                        : runner.evaluater().buildDesc(runner.evalTemplate(genotype));
        DescJson.save(desc, output);
        spec.commandLine()
                .getOut()
                .println(
                        "Wrote the "
                                + phase
                                + " model description of "
                                + confOptions.algo
                                + " to "
                                + output
                                + " ("
                                + DescFacts.oneLine(desc)
                                + ").");
        return 0;
    }
}
