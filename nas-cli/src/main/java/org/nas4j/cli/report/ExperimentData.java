package org.nas4j.cli.report;

import com.google.gson.JsonObject;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.nas4j.core.NasException;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.DescJson;
import org.nas4j.core.desc.ModelDesc;

/**
 * What an experiment directory holds, read leniently: a file that is missing is listed in {@link
 * #missing()}, one that cannot be read in {@link #problems()}, and the report shows the rest.
 *
 * @param dir the experiment directory
 * @param summary {@code summary.json}, or null
 * @param search the search phase's files
 * @param eval the eval phase's files
 * @param missing expected files that do not exist, relative to {@code dir}
 * @param problems one sentence per file that exists but could not be read
 */
record ExperimentData(
        Path dir,
        JsonObject summary,
        Phase search,
        Phase eval,
        List<String> missing,
        List<String> problems) {

    /** The files of a phase directory this report reads. */
    static final List<String> SEARCH_FILES =
            List.of(
                    "config_used.yaml",
                    "provenance.json",
                    "metrics.json",
                    "alphas.jsonl",
                    "final_model_desc.json");

    static final List<String> EVAL_FILES =
            List.of(
                    "config_used.yaml",
                    "provenance.json",
                    "metrics.json",
                    "full_model_desc.json",
                    "model.params");

    /**
     * One phase ({@code search} or {@code eval}); every field may be null.
     *
     * @param name phase name
     * @param config {@code config_used.yaml}
     * @param provenance {@code provenance.json}
     * @param metrics {@code metrics.json}
     * @param alphas {@code alphas.jsonl} (search)
     * @param desc {@code final_model_desc.json} (search) or {@code full_model_desc.json} (eval)
     */
    record Phase(
            String name,
            Conf config,
            JsonObject provenance,
            MetricsHistory metrics,
            AlphaHistory alphas,
            ModelDesc desc) {

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
        Reader r = new Reader(dir);
        JsonObject summary = r.read("summary.json", JsonFiles::object);
        Phase search = r.phase("search", SEARCH_FILES);
        Phase eval = r.phase("eval", EVAL_FILES);
        if (summary == null && search.isEmpty() && eval.isEmpty()) {
            if (!r.problems.isEmpty()) {
                throw new NasException(
                        "No result of " + dir + " could be read: " + String.join(" ", r.problems));
            }
            throw new NasException(
                    "The directory "
                            + dir
                            + " holds no experiment results: none of summary.json, search/"
                            + String.join(", search/", SEARCH_FILES)
                            + ", eval/"
                            + String.join(", eval/", EVAL_FILES)
                            + " exists. Give the directory 'nas run' wrote, e.g. runs/darts_toy.");
        }
        return new ExperimentData(dir, summary, search, eval, r.missing, r.problems);
    }

    /** Collects files and the reasons some could not be read. */
    private static final class Reader {
        final Path dir;
        final List<String> missing = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        Reader(Path dir) {
            this.dir = dir;
        }

        Phase phase(String name, List<String> files) {
            String p = name + "/";
            Conf config =
                    read(
                            p + "config_used.yaml",
                            f -> Conf.fromYaml(JsonFiles.read(f), f.toString()));
            JsonObject prov = read(p + "provenance.json", JsonFiles::object);
            MetricsHistory metrics = read(p + "metrics.json", MetricsHistory::load);
            AlphaHistory alphas =
                    files.contains("alphas.jsonl")
                            ? read(p + "alphas.jsonl", AlphaHistory::load)
                            : null;
            String descFile =
                    files.contains("final_model_desc.json")
                            ? "final_model_desc.json"
                            : "full_model_desc.json";
            ModelDesc desc = read(p + descFile, DescJson::load);
            if (files.contains("model.params") && !Files.exists(dir.resolve(p + "model.params"))) {
                missing.add(p + "model.params");
            }
            return new Phase(name, config, prov, metrics, alphas, desc);
        }

        <T> T read(String rel, Function<Path, T> loader) {
            Path f = dir.resolve(rel);
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
    }
}
