package org.nas4j.cli.report;

import com.google.gson.JsonObject;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.nas4j.core.ExperimentDir;
import org.nas4j.core.NasException;
import org.nas4j.core.PhaseDir;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.result.ExperimentSummary;

/**
 * What an experiment directory holds, read leniently: a file that is missing is listed in {@link
 * #missing()}, one that cannot be read in {@link #problems()}, and the report shows the rest.
 *
 * @param dir the experiment directory
 * @param summary {@code summary.json}, or null when missing or unreadable
 * @param search the search phase's files
 * @param eval the eval phase's files
 * @param missing expected files that do not exist, relative to {@code dir}
 * @param problems one sentence per file that exists but could not be read
 */
record ExperimentData(
        Path dir,
        ExperimentSummary summary,
        Phase search,
        Phase eval,
        List<String> missing,
        List<String> problems) {

    /** The files of the search directory this report reads. */
    static final List<String> SEARCH_FILES =
            List.of(
                    PhaseDir.CONFIG_USED,
                    PhaseDir.PROVENANCE,
                    PhaseDir.METRICS,
                    PhaseDir.ALPHAS,
                    PhaseDir.FINAL_DESC);

    /** The files of the eval directory this report reads. */
    static final List<String> EVAL_FILES =
            List.of(
                    PhaseDir.CONFIG_USED,
                    PhaseDir.PROVENANCE,
                    PhaseDir.METRICS,
                    PhaseDir.FULL_DESC,
                    PhaseDir.MODEL_PARAMS);

    /**
     * One phase ({@code search} or {@code eval}); every field but the names may be null.
     *
     * @param name phase name
     * @param config {@code config_used.yaml}
     * @param provenance {@code provenance.json}
     * @param metrics {@code metrics.json}
     * @param alphas {@code alphas.jsonl} (search)
     * @param desc {@code final_model_desc.json} (search) or {@code full_model_desc.json} (eval)
     * @param descFile where {@code desc} is read from, relative to the experiment directory
     */
    record Phase(
            String name,
            Conf config,
            JsonObject provenance,
            MetricsHistory metrics,
            AlphaHistory alphas,
            ModelDesc desc,
            String descFile) {

        /** Whether nothing of the phase could be read. */
        boolean isEmpty() {
            return config == null
                    && provenance == null
                    && metrics == null
                    && alphas == null
                    && desc == null;
        }
    }

    ExperimentData {
        missing = List.copyOf(missing);
        problems = List.copyOf(problems);
    }

    /**
     * Reads what {@code dir} holds.
     *
     * @throws NasException when {@code dir} is not a directory or holds none of the files of an
     *     experiment
     */
    static ExperimentData load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new NasException(
                    "The experiment directory "
                            + dir
                            + " does not exist; give the directory 'nas run' wrote, e.g."
                            + " runs/darts_toy.");
        }
        ExperimentDir exp = ExperimentDir.of(dir);
        Reader r = new Reader(exp);
        ExperimentSummary summary = r.read(exp.summary(), ExperimentSummary::load);
        Phase search = r.phase(ExperimentDir.SEARCH, exp.search(), false);
        Phase eval = r.phase(ExperimentDir.EVAL, exp.eval(), true);
        if (summary == null && search.isEmpty() && eval.isEmpty()) {
            if (!r.problems.isEmpty()) {
                throw new NasException(
                        "No result of " + dir + " could be read: " + String.join(" ", r.problems));
            }
            throw new NasException(
                    "The directory "
                            + dir
                            + " holds no experiment results: none of "
                            + ExperimentDir.SUMMARY
                            + ", search/"
                            + String.join(", search/", SEARCH_FILES)
                            + ", eval/"
                            + String.join(", eval/", EVAL_FILES)
                            + " exists. Give the directory 'nas run' wrote, e.g. runs/darts_toy.");
        }
        return new ExperimentData(dir, summary, search, eval, r.missing, r.problems);
    }

    /** Collects files and the reasons some could not be read. */
    private static final class Reader {
        final ExperimentDir exp;
        final List<String> missing = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        Reader(ExperimentDir exp) {
            this.exp = exp;
        }

        Phase phase(String name, PhaseDir files, boolean eval) {
            Conf config =
                    read(files.configUsed(), f -> Conf.fromYaml(JsonFiles.read(f), f.toString()));
            JsonObject prov = read(files.provenance(), JsonFiles::object);
            MetricsHistory metrics = read(files.metrics(), MetricsHistory::load);
            AlphaHistory alphas = eval ? null : read(files.alphas(), AlphaHistory::load);
            Path descFile = eval ? files.fullDesc() : files.finalDesc();
            ModelDesc desc = read(descFile, DescJson::load);
            if (eval && !Files.exists(files.modelParams())) {
                missing.add(rel(files.modelParams()));
            }
            return new Phase(name, config, prov, metrics, alphas, desc, rel(descFile));
        }

        <T> T read(Path f, Function<Path, T> loader) {
            String rel = rel(f);
            if (!Files.isRegularFile(f)) {
                missing.add(rel);
                return null;
            }
            try {
                return loader.apply(f);
            } catch (NasException | UncheckedIOException e) {
                problems.add(rel + " could not be read: " + e.getMessage());
                return null;
            }
        }

        /** {@code f} relative to the experiment directory, with {@code /} separators. */
        String rel(Path f) {
            return exp.root().relativize(f).toString().replace('\\', '/');
        }
    }
}
