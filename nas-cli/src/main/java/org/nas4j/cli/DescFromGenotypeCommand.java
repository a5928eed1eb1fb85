package org.nas4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nas4j.core.NasException;
import org.nas4j.core.conf.AlgoConfs;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.genotype.Genotype;
import org.nas4j.core.genotype.Genotypes;
import org.nas4j.eval.GenotypeDescs;
import org.nas4j.search.Algorithms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nas desc from-genotype "Genotype(...)" -o final.json}: a full model description with the
 * genotype's cells in the macro structure of an algorithm's conf.
 */
@Command(
        name = "from-genotype",
        description = {
            "Write the full model description of a DARTS genotype: the genotype's cells in the"
                    + " network an algorithm's conf describes (cells, reductions, channels).",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  nas desc from-genotype \"Genotype(normal=[...], normal_concat=[2, 3, 4, 5], ...)\""
                    + " -o final.json",
            "  nas desc from-genotype --genotype DARTS_V2 --phase eval -o darts_v2.json",
            "Any other --KEY VALUE overrides a conf value, e.g. --nas.eval.model_desc.n_cells 8."
        })
final class DescFromGenotypeCommand implements Callable<Integer> {
    private CommandSpec spec;

    /**
     * The genotype and any {@code --KEY VALUE} conf overrides, in command-line order: picocli's
     * {@code @Unmatched} would take an override's value for the genotype, so unmatched options are
     * made positional here and told apart in {@link #split}.
     */
    @Parameters(
            arity = "0..*",
            paramLabel = "GENOTYPE",
            description = "A genotype in DARTS notation: Genotype(normal=[...], ...).")
    List<String> words = new ArrayList<>();

    @Option(
            names = "--genotype",
            paramLabel = "NAME",
            description =
                    "A published genotype instead, e.g. DARTS_V2, PDARTS, GDAS_V1, DRNAS_CIFAR10,"
                            + " SNAS_MILD (an unknown name lists them all).")
    String named;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "FILE",
            description = "Where to write the ModelDesc JSON.")
    Path output;

    @Option(
            names = "--algo",
            paramLabel = "NAME",
            defaultValue = "darts",
            description = "Algorithm whose conf gives the network (default: ${DEFAULT-VALUE}).")
    String algo;

    @Option(names = "--full", description = "The paper's network instead of toy mode's.")
    boolean full;

    @Option(
            names = "--dataset",
            paramLabel = "NAME",
            description = "Dataset conf from confs/datasets/ replacing the algorithm's default.")
    String dataset;

    @Option(
            names = "--phase",
            paramLabel = "search|eval",
            defaultValue = "search",
            description =
                    "search: the search network, non-affine BatchNorm (default); eval: the"
                            + " evaluation network, affine.")
    String phase;

    private String text;
    private final List<String> overrides = new ArrayList<>();

    @Spec
    void setSpec(CommandSpec spec) {
        this.spec = spec;
        spec.parser().unmatchedOptionsArePositionalParams(true);
    }

    @Override
    public Integer call() {
        split();
        if (!phase.equals("search") && !phase.equals("eval")) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Unknown phase '" + phase + "' for --phase; use search or eval.");
        }
        Genotype genotype = genotype();
        GenotypeDescs.checkOps(genotype, Algorithms.installed().opRegistry());
        Conf conf = Conf.load(AlgoConfs.confPaths(algo, full, dataset, null), overrides);
        ModelDesc desc =
                GenotypeDescs.build(genotype, conf.child("nas." + phase + ".model_desc"), phase);
        DescJson.save(desc, output);
        spec.commandLine()
                .getOut()
                .println(
                        "Wrote the "
                                + phase
                                + " network of the genotype to "
                                + output
                                + " ("
                                + DescFacts.oneLine(desc)
                                + ").");
        return 0;
    }

    /**
     * Words starting with {@code --} and the word after each are overrides; one more is the
     * genotype.
     */
    private void split() {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("--")) {
                overrides.add(w);
                if (i + 1 < words.size() && !w.contains("=")) {
                    overrides.add(words.get(++i));
                }
            } else if (text == null) {
                text = w;
            } else {
                throw new ParameterException(
                        spec.commandLine(),
                        "Give one genotype; '" + w + "' follows the genotype '" + text + "'.");
            }
        }
    }

    private Genotype genotype() {
        if ((text == null) == (named == null)) {
            throw new NasException(
                    "Give either a genotype in DARTS notation or --genotype NAME (one of "
                            + Genotypes.names()
                            + "), not "
                            + (text == null ? "neither" : "both")
                            + ".");
        }
        return named != null ? Genotypes.named(named) : Genotype.parse(text);
    }
}
