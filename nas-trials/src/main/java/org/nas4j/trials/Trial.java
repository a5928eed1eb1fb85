package org.nas4j.trials;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.NasException;

/**
 * One unit of parallel work: run {@code nas <command> --algo <algo>} with conf overrides in its own
 * experiment directory. Serializable, so an engine can ship it to a Spark executor.
 *
 * @param id name of the trial inside its sweep (also its directory name), e.g. {@code seed_1}
 * @param command {@code run} (search then eval), {@code search} or {@code eval}
 * @param algo the algorithm, as {@code --algo} takes it
 * @param baseArgs options before the overrides: {@code --full}, {@code --preset NAME}, {@code
 *     --dataset NAME}, {@code --conf FILE}, {@code --genotype G}, ...
 * @param overrides conf overrides, {@code --KEY VALUE} pairs (the seed goes here)
 * @param expDir the trial's experiment directory (every worker must see the same path)
 * @param threads libtorch intra-op threads of the trial's process ({@code common.num_threads})
 */
public record Trial(
        String id,
        String command,
        String algo,
        List<String> baseArgs,
        List<String> overrides,
        String expDir,
        int threads)
        implements Serializable {
    public Trial {
        if (!id.matches("[A-Za-z0-9_.=-]+")) {
            throw new NasException(
                    "Trial id '" + id + "' must be a plain name (letters, digits, _ . = -).");
        }
        if (!List.of("run", "search", "eval").contains(command)) {
            throw new NasException(
                    "Trial command '" + command + "' is not one of run, search, eval.");
        }
        baseArgs = List.copyOf(baseArgs);
        overrides = List.copyOf(overrides);
    }

    /** The {@code nas} arguments of this trial. */
    public List<String> args() {
        List<String> a = new ArrayList<>();
        a.add(command);
        a.add("--algo");
        a.add(algo);
        a.addAll(baseArgs);
        a.add("--exp-dir");
        a.add(expDir);
        if (threads > 0) {
            a.add("--common.num_threads");
            a.add(String.valueOf(threads));
        }
        a.addAll(overrides);
        return a;
    }
}
