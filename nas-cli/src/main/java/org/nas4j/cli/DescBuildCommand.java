package org.nas4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nas4j.core.builder.ModelDescBuilder;
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
 * {@code nas desc build}: writes the model description the builder makes from an algorithm's conf
 * ({@code nas.<phase>.model_desc}): the macro skeleton of its cell network, or for an algorithm
 * that trains no supernet (random cells, a manual model) the architecture it would evaluate.
 */
@Command(
        name = "build",
        description = {
            "Build the model description of an algorithm's search or eval network from its conf"
                    + " (for random and manual: the network they train, e.g. --algo manual"
                    + " --model my_net.yaml).",
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
        ModelDesc desc;
        if (runner.algorithm().trainsSupernet()) {
            desc =
                    new ModelDescBuilder()
                            .build(conf.child("nas." + phase + ".model_desc"), phase, null);
        } else {
            // its search desc already is the architecture, which the eval phase takes as template
            ModelDesc searched = runner.searcher().buildDesc();
            desc = phase.equals("search") ? searched : runner.evaluater().buildDesc(searched);
        }
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
