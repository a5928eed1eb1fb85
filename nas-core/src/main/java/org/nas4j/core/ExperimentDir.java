package org.nas4j.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nas4j.core.io.DirLock;

/**
 * The layout of one experiment directory: every file name an experiment writes or reads is named
 * here and nowhere else, so that {@code nas run}, resume, {@code nas report} and {@code nas export}
 * agree on it.
 *
 * <pre>
 * &lt;logdir&gt;/&lt;experiment&gt;/   summary.json  report.html
 *   search/  config_used.yaml provenance.json log.txt metrics.json alphas.jsonl
 *            checkpoint/checkpoint.bin search_model_desc.json final_model_desc.json result.json
 *   eval/    config_used.yaml provenance.json log.txt metrics.json full_model_desc.json
 *            checkpoint/checkpoint.bin model.params test.json result.json
 * </pre>
 *
 * <pre>{@code
 * ExperimentDir exp = ExperimentDir.of(Path.of("runs/darts_toy"));
 * ModelDesc finalDesc = DescJson.load(exp.search().finalDesc());
 * EvalResult eval = EvalResult.load(exp.eval().result());
 * }</pre>
 *
 * <p>The names are fixed, not configurable: an experiment written by one configuration loads with
 * any other, and no setting can make two files of the layout collide.
 */
public final class ExperimentDir {
    /** Name of the search phase and of its directory. */
    public static final String SEARCH = "search";

    /** Name of the evaluation phase and of its directory. */
    public static final String EVAL = "eval";

    /** The phases, in the order they run. */
    public static final List<String> PHASES = List.of(SEARCH, EVAL);

    /** The experiment's summary, at the top. */
    public static final String SUMMARY = "summary.json";

    /** The HTML report {@code nas report} writes, at the top. */
    public static final String REPORT = "report.html";

    private final Path root;

    private ExperimentDir(Path root) {
        this.root = root;
    }

    /** The layout of the experiment directory {@code root} (which need not exist yet). */
    public static ExperimentDir of(Path root) {
        if (root == null) {
            throw new NasException("An experiment directory is needed, but none was given.");
        }
        return new ExperimentDir(root);
    }

    /**
     * The default experiment directory {@code <logdir>/<experimentName>} of a conf ({@code
     * common.logdir}, {@code common.experiment_name}, plus {@code suffix} such as {@code _sweep}).
     * The name must be a plain directory name, so no conf can place an experiment outside its
     * logdir or inside another experiment's layout.
     */
    public static Path defaultRoot(String logdir, String experimentName, String suffix) {
        String name = experimentName == null ? "" : experimentName;
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.=+-]{0,127}")) {
            throw new ConfException(
                    "common.experiment_name = '"
                            + name
                            + "' is not a plain directory name: use 1-128 letters, digits and"
                            + " _ . = + - starting with a letter or digit (no '/', '\\' or '..');"
                            + " to write elsewhere, set common.logdir or pass --exp-dir.");
        }
        if (logdir == null || logdir.isBlank()) {
            throw new ConfException(
                    "common.logdir is empty; name the directory experiments go to.");
        }
        return Path.of(logdir, name + suffix);
    }

    /**
     * Refuses a directory a run would write over files nas4j did not write: {@code root} is a file,
     * or it holds {@code summary.json}, {@code report.html}, {@code search} or {@code eval} without
     * any sign of an earlier run ({@code .nas.lock}, a phase's {@code config_used.yaml}). A missing
     * or empty directory, one an earlier run wrote, and one holding only other files (a trial's
     * {@code trial.log}) are fine.
     *
     * @throws NasException naming the directory and the file that would be overwritten
     */
    public void refuseForeign() {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new NasException(
                    "The experiment directory "
                            + root
                            + " is a file, not a directory; give --exp-dir a new directory or"
                            + " one an earlier nas run wrote.");
        }
        if (!Files.isDirectory(root)
                || Files.exists(root.resolve(DirLock.FILE))
                || Files.exists(search().configUsed())
                || Files.exists(eval().configUsed())) {
            return;
        }
        for (String name : List.of(SUMMARY, REPORT, SEARCH, EVAL)) {
            if (Files.exists(root.resolve(name))) {
                throw new NasException(
                        "The directory "
                                + root
                                + " holds '"
                                + name
                                + "', which no nas run wrote there (it has no "
                                + DirLock.FILE
                                + " or config_used.yaml); a run would overwrite it. Give --exp-dir"
                                + " a new or empty directory, or one an earlier nas run wrote.");
            }
        }
    }

    /** The experiment directory itself. */
    public Path root() {
        return root;
    }

    /** {@code summary.json}: algorithm, dataset, seed, mode, per-phase results, versions. */
    public Path summary() {
        return root.resolve(SUMMARY);
    }

    /** {@code report.html}. */
    public Path report() {
        return root.resolve(REPORT);
    }

    /** The search phase's directory, {@code search/}. */
    public PhaseDir search() {
        return PhaseDir.of(root.resolve(SEARCH));
    }

    /** The evaluation phase's directory, {@code eval/}. */
    public PhaseDir eval() {
        return PhaseDir.of(root.resolve(EVAL));
    }

    /**
     * The directory of the phase {@code name}.
     *
     * @throws NasException when {@code name} is not one of {@link #PHASES}
     */
    public PhaseDir phase(String name) {
        if (SEARCH.equals(name)) {
            return search();
        }
        if (EVAL.equals(name)) {
            return eval();
        }
        throw new NasException(
                "There is no phase '"
                        + name
                        + "' in an experiment; the phases are "
                        + PHASES
                        + ".");
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
