package org.nas4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.NasException;
import org.nas4j.core.conf.AlgoConfs;
import org.nas4j.core.conf.Conf;
import picocli.CommandLine.Option;

/**
 * The options every command that reads an algorithm's conf shares (a picocli mixin).
 *
 * <p>Picocli honours {@code @Unmatched} only on the command itself, not in a mixin, so each command
 * using these options declares
 *
 * <pre>{@code
 * @Mixin ConfOptions confOptions;
 * @Unmatched List<String> overrides = new ArrayList<>();
 * ...
 * Conf conf = confOptions.load(overrides);
 * }</pre>
 *
 * <p>so that any option picocli does not know, such as {@code --nas.search.trainer.epochs 1}, is
 * passed on as a conf override; an override of a key the conf does not have is refused by {@link
 * Conf}.
 */
final class ConfOptions {
    @Option(
            names = "--algo",
            required = true,
            paramLabel = "NAME",
            description = "Algorithm whose conf is loaded, e.g. darts.")
    String algo;

    @Option(
            names = "--full",
            description = "The full experiment of the paper instead of toy mode (the default).")
    boolean full;

    @Option(
            names = "--preset",
            paramLabel = "NAME",
            description =
                    "A named preset of the algorithm, confs/algos/<algo>_<NAME>.yaml (e.g. quick:"
                            + " between toy and --full).")
    String preset;

    @Option(
            names = "--dataset",
            paramLabel = "NAME",
            description = "Dataset conf from confs/datasets/ replacing the algorithm's default.")
    String dataset;

    @Option(
            names = "--conf",
            paramLabel = "FILE",
            description = "A YAML file applied over the algorithm's conf.")
    Path extraConf;

    /**
     * The fully resolved conf: the algorithm's conf (toy unless {@code --full}), the dataset, the
     * {@code --conf} file, then {@code overrides} ({@code --KEY VALUE} pairs).
     */
    Conf load(List<String> overrides) {
        List<String> paths = confPaths();
        if (extraConf == null) {
            return Conf.load(paths, overrides);
        }
        // the user's file is checked like an override: a misspelt key is an error, not a default
        return Conf.load(
                paths.subList(0, paths.size() - 1),
                List.of(paths.get(paths.size() - 1)),
                overrides);
    }

    /** The conf files {@link #load} reads, in order. */
    List<String> confPaths() {
        if (preset != null && full) {
            throw new NasException(
                    "--preset and --full choose different base confs; give one of them.");
        }
        List<String> paths = new ArrayList<>(AlgoConfs.confPaths(algo, full, dataset, extraConf));
        if (preset != null) {
            String presetPath = AlgoConfs.ALGOS_DIR + "/" + algo + "_" + preset + ".yaml";
            if (Thread.currentThread().getContextClassLoader().getResource(presetPath) == null
                    && ConfOptions.class.getClassLoader().getResource(presetPath) == null) {
                throw new NasException(
                        "No preset '"
                                + preset
                                + "' for algorithm '"
                                + algo
                                + "': "
                                + presetPath
                                + " is not shipped.");
            }
            paths.set(0, presetPath);
        }
        return paths;
    }

    /** These options as arguments of a trial's {@code nas} command ({@code --algo} aside). */
    List<String> trialArgs() {
        List<String> a = new ArrayList<>();
        if (full) {
            a.add("--full");
        }
        if (preset != null) {
            a.addAll(List.of("--preset", preset));
        }
        if (dataset != null) {
            a.addAll(List.of("--dataset", dataset));
        }
        if (extraConf != null) {
            a.addAll(List.of("--conf", extraConf.toAbsolutePath().toString()));
        }
        return a;
    }

    /** The mode a run is in: toy (default), full, or the preset's name. */
    String mode() {
        return preset != null ? preset : full ? "full" : "toy";
    }
}
