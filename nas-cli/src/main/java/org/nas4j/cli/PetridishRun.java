package org.nas4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nas4j.algos.petridish.ModelTrials;
import org.nas4j.algos.petridish.PetridishAlgorithm;
import org.nas4j.algos.petridish.PetridishOutputs;
import org.nas4j.algos.petridish.PetridishSearch;
import org.nas4j.algos.petridish.PetridishSpec;
import org.nas4j.algos.petridish.Pool;
import org.nas4j.algos.petridish.PoolModel;
import org.nas4j.cli.report.PetridishReport;
import org.nas4j.core.NasException;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.io.AtomicFiles;
import org.nas4j.core.io.DirLock;
import org.nas4j.core.io.Json;
import org.nas4j.core.result.EvalResult;
import org.nas4j.eval.ExperimentRunner;
import org.nas4j.trials.Ledger;
import org.nas4j.trials.Trial;
import org.nas4j.trials.TrialEngine;
import org.nas4j.trials.TrialResult;

/**
 * {@code nas run --algo petridish}: the Petridish search ({@link PetridishSearch}) on the trial
 * engine, then (unless {@code --no-eval}) every model of the hull retrained with the evaluation
 * protocol in parallel ({@code eval/<id>/}), {@code petridish.json} and {@code report.html}. Each
 * model is a trial of {@code nas search --algo petridish --nas.search.petridish.model_file FILE}; a
 * rerun on the same directory resumes from {@code pool.json} and the ledgers.
 */
final class PetridishRun {
    private PetridishRun() {}

    /**
     * Whether this run is the Petridish driver: {@code --algo petridish} searching with no model
     * file (a trial of the driver has one).
     */
    static boolean drives(ExperimentRunner runner, Conf conf, boolean search) {
        return search
                && PetridishAlgorithm.NAME.equals(runner.name())
                && PetridishSpec.fromConf(conf).modelFile() == null;
    }

    /** Runs the search and the hull's evaluation in {@code exp}. */
    static void run(
            ExperimentRunner runner,
            List<String> baseArgs,
            List<String> overrides,
            Path exp,
            TrialOptions options,
            boolean eval,
            PrintWriter out) {
        Conf conf = runner.conf();
        TrialEngine engine = options.engine();
        EngineTrials trials =
                new EngineTrials(engine, runner.name(), baseArgs, overrides, options.threads());
        long start = System.nanoTime();
        // checks the conf before anything is written
        PetridishSearch search =
                new PetridishSearch(
                        conf,
                        runner.registry(),
                        exp,
                        trials,
                        options.parallel(),
                        line -> {
                            out.println(line);
                            out.flush();
                        });
        try (DirLock lock = DirLock.acquire(exp)) {
            AtomicFiles.writeString(exp.resolve("config_used.yaml"), conf.toYaml());
            out.printf(
                    Locale.ROOT,
                    "petridish: %s engine, %d trials at once, %d threads each -> %s%n",
                    engine.name(),
                    options.parallel(),
                    options.threads(),
                    exp.toAbsolutePath());
            out.flush();
            Pool pool = search.run();
            List<String> hull = PetridishOutputs.hullIds(pool);
            List<Map<String, Object>> evals = eval ? evaluate(exp, hull, trials, out) : List.of();
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("format", "nas4j.petridish");
            s.put("version", 1);
            s.put("algo", runner.name());
            s.put("engine", engine.name());
            s.put("wall_s", (System.nanoTime() - start) / 1e9);
            s.put("models", pool.models().size());
            s.put("failed", pool.failed().size());
            s.put("hull", hull);
            s.put("eval", evals);
            Json.write(exp.resolve(PetridishReport.SUMMARY), s);
            Path report = PetridishReport.write(exp);
            print(out, pool, hull, evals);
            out.println("report: " + report.toAbsolutePath());
            out.flush();
        }
    }

    /** Retrains each hull model with the evaluation protocol, as parallel trials. */
    private static List<Map<String, Object>> evaluate(
            Path exp, List<String> hull, EngineTrials trials, PrintWriter out) {
        List<ModelTrials.Job> jobs = new ArrayList<>();
        for (String id : hull) {
            Path desc = exp.resolve(PetridishOutputs.HULL).resolve(id + ".json");
            jobs.add(
                    new ModelTrials.Job(
                            id,
                            "eval",
                            List.of("--final-desc", desc.toAbsolutePath().toString()),
                            List.of()));
        }
        out.println("petridish: retraining the " + hull.size() + " hull models");
        out.flush();
        Path dir = exp.resolve("eval");
        List<ModelTrials.Outcome> outcomes = trials.run(dir, jobs);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ModelTrials.Outcome o : outcomes) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", o.id());
            r.put("status", o.ok() ? TrialResult.OK : TrialResult.FAILED);
            Path result = dir.resolve(o.id()).resolve("eval/result.json");
            if (o.ok() && Files.isRegularFile(result)) {
                EvalResult e = EvalResult.load(result);
                r.put("test_top1", e.testTop1());
                r.put("params", e.params());
                r.put("macs", e.macs());
                r.put("epochs", e.epochs());
            } else {
                r.put("message", o.message());
            }
            r.put("exp_dir", dir.resolve(o.id()).toString());
            rows.add(r);
        }
        return rows;
    }

    private static void print(
            PrintWriter out, Pool pool, List<String> hull, List<Map<String, Object>> evals) {
        out.printf(Locale.ROOT, "%n== petridish: %d models ==%n", pool.models().size());
        for (PoolModel m : pool.models()) {
            out.printf(
                    Locale.ROOT,
                    "%-16s %-16s r%d c%d n%d %,14d multiply-adds  val top-1 %6.2f%%%s%n",
                    m.id(),
                    m.parent() == null ? "(seed)" : "<- " + m.parent(),
                    m.reductions(),
                    m.cells(),
                    m.nodes(),
                    m.macs(),
                    100 * m.valTop1(),
                    hull.contains(m.id()) ? "  hull" : "");
        }
        for (Map<String, Object> e : evals) {
            out.printf(
                    Locale.ROOT,
                    "retrained %s: %s%n",
                    e.get("id"),
                    e.get("test_top1") instanceof Number n
                            ? String.format(Locale.ROOT, "test top-1 %.2f%%", 100 * n.doubleValue())
                            : e.get("status") + " " + e.getOrDefault("message", ""));
        }
    }

    /** Petridish's trials on a {@link TrialEngine}, recorded in each directory's ledger. */
    private record EngineTrials(
            TrialEngine engine,
            String algo,
            List<String> baseArgs,
            List<String> overrides,
            int threads)
            implements ModelTrials {
        @Override
        public List<Outcome> run(Path dir, List<Job> jobs) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create " + dir, e);
            }
            List<Trial> trials = new ArrayList<>();
            for (Job j : jobs) {
                List<String> args = new ArrayList<>(baseArgs);
                args.addAll(j.options());
                List<String> over = new ArrayList<>(overrides);
                over.addAll(j.overrides());
                trials.add(
                        new Trial(
                                j.id(),
                                j.command(),
                                algo,
                                args,
                                over,
                                dir.resolve(j.id()).toString(),
                                threads));
            }
            Ledger ledger = Ledger.open(dir);
            List<Trial> missing = ledger.missing(trials);
            if (!missing.isEmpty()) {
                engine.run(missing, ledger);
            }
            List<Outcome> out = new ArrayList<>();
            for (TrialResult r : SweepCommand.resultsOf(trials, ledger)) {
                out.add(new Outcome(r.id(), r.ok(), r.message()));
            }
            return out;
        }
    }

    /** Refuses what the Petridish driver cannot do. */
    static void check(boolean trialsOption, boolean noResume, Path exp) {
        if (trialsOption) {
            throw new NasException(
                    "--trials runs independent trials; Petridish runs its own trials (use"
                            + " --parallel and --engine to spread them).");
        }
        if (noResume && Files.isRegularFile(exp.resolve(Pool.FILE))) {
            throw new NasException(
                    exp.resolve(Pool.FILE)
                            + " exists and Petridish always continues its pool; give another"
                            + " --exp-dir to start afresh.");
        }
    }
}
