package org.nas4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nas4j.algos.nasbench101.Nb101Algorithm;
import org.nas4j.algos.nasbench101.Nb101Descs;
import org.nas4j.algos.nasbench101.Nb101ModelDescBuilder;
import org.nas4j.algos.nasbench101.Nb101Spec;
import org.nas4j.core.conf.AlgoConfs;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code nas desc from-nb101 --matrix "[[0,1],[0,0]]" --ops "[input,output]" -o d.json}: the
 * network of a NAS-Bench-101 cell, sized by the nasbench101 conf.
 */
@Command(
        name = "from-nb101",
        description = {
            "Write the model description of a NAS-Bench-101 cell (adjacency matrix and ops, as the"
                    + " benchmark's ModelSpec takes them) in the network of the nasbench101 conf;"
                    + " dangling vertices are pruned as the benchmark does.",
            ""
        },
        footer = {
            "",
            "Example (the benchmark's network on CIFAR-10, 2,694,282 parameters):",
            "  nas desc from-nb101 --full --dataset cifar10 -o inception.json \\",
            "    --matrix \"[[0,1,1,1,0,1,0], [0,0,0,0,0,0,1], [0,0,0,0,0,0,1],",
            "              [0,0,0,0,1,0,0], [0,0,0,0,0,0,1], [0,0,0,0,0,0,1],",
            "              [0,0,0,0,0,0,0]]\" \\",
            "    --ops \"[input, conv1x1-bn-relu, conv3x3-bn-relu, conv3x3-bn-relu,",
            "           conv3x3-bn-relu, maxpool3x3, output]\"",
            "Any other --KEY VALUE overrides a conf value, e.g.",
            "  --nas.eval.model_desc.stem_channels 64."
        })
final class DescFromNb101Command implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Unmatched List<String> overrides = new ArrayList<>();

    @Option(
            names = "--matrix",
            required = true,
            paramLabel = "MATRIX",
            description = "Upper-triangular 0/1 adjacency matrix, e.g. \"[[0,1],[0,0]]\".")
    String matrix;

    @Option(
            names = "--ops",
            required = true,
            paramLabel = "OPS",
            description =
                    "One op per vertex: input, then conv3x3-bn-relu, conv1x1-bn-relu or"
                            + " maxpool3x3, then output; quotes around names are optional.")
    String ops;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "FILE",
            description = "Where to write the ModelDesc JSON.")
    Path output;

    @Option(names = "--full", description = "The benchmark's network instead of toy mode's.")
    boolean full;

    @Option(
            names = "--dataset",
            paramLabel = "NAME",
            description = "Dataset conf from confs/datasets/ (input shape, classes), e.g. cifar10.")
    String dataset;

    @Override
    public Integer call() {
        Conf conf =
                Conf.load(AlgoConfs.confPaths(Nb101Algorithm.NAME, full, dataset, null), overrides);
        ModelDesc desc = Nb101Descs.network(Nb101Spec.parse(matrix, ops), conf);
        DescJson.save(desc, output);
        Nb101Spec pruned = Nb101ModelDescBuilder.specOf(desc);
        spec.commandLine()
                .getOut()
                .println(
                        String.format(
                                Locale.ROOT,
                                "Wrote the network of the cell %s to %s (%s).",
                                pruned,
                                output,
                                DescFacts.oneLine(desc)));
        return 0;
    }
}
