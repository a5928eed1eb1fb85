package org.nas4j.algos.petridish;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs the trials of a Petridish search, each a {@code nas} command in its own process and
 * directory; the command line implements it with its trial engine (a local process pool or Spark)
 * and a ledger, so that a trial finished in an earlier run is not run again.
 */
public interface ModelTrials {
    /**
     * One trial: {@code nas <command> --algo petridish <options> --exp-dir <dir>/<id> <overrides>}.
     *
     * @param id the trial's name, also its directory's
     * @param command {@code search} (train a model, searching its candidate node if it has one) or
     *     {@code eval} (retrain a model of the hull)
     * @param options command options ({@code --final-desc FILE})
     * @param overrides conf overrides
     */
    record Job(String id, String command, List<String> options, List<String> overrides) {
        public Job {
            options = List.copyOf(options);
            overrides = List.copyOf(overrides);
        }
    }

    /**
     * What became of a trial.
     *
     * @param id the trial's name
     * @param ok whether it finished
     * @param message why it did not, empty when it did
     */
    record Outcome(String id, boolean ok, String message) {}

    /**
     * Runs {@code jobs} in parallel as far as the engine allows, each in {@code dir.resolve(id)},
     * and returns their outcomes in the same order; jobs already finished there count as ok at
     * once.
     */
    List<Outcome> run(Path dir, List<Job> jobs);
}
