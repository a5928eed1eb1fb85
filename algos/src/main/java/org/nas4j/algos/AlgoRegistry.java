package org.nas4j.algos;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.nas4j.algos.darts.DartsExperimentRunner;
import org.nas4j.core.NasException;
import org.nas4j.core.conf.Conf;

/**
 * Maps {@code --algo} names to experiment runners. An algorithm is registered with one line in
 * {@link #standard()}; programs may register their own on an instance.
 */
public final class AlgoRegistry {
    private final Map<String, Function<Conf, ExperimentRunner>> runners = new LinkedHashMap<>();

    /** The built-in algorithms. */
    public static AlgoRegistry standard() {
        return new AlgoRegistry().register("darts", DartsExperimentRunner::new);
    }

    /** Registers {@code name}; a duplicate is an error. */
    public AlgoRegistry register(String name, Function<Conf, ExperimentRunner> factory) {
        if (runners.putIfAbsent(name, factory) != null) {
            throw new NasException("Algorithm '" + name + "' is already registered.");
        }
        return this;
    }

    public Set<String> names() {
        return runners.keySet();
    }

    /** The runner of {@code name} for {@code conf}; an unknown name lists the known ones. */
    public ExperimentRunner runner(String name, Conf conf) {
        Function<Conf, ExperimentRunner> f = runners.get(name);
        if (f == null) {
            throw new NasException(
                    "Unknown algorithm '"
                            + name
                            + "'; known algorithms are "
                            + String.join(", ", runners.keySet())
                            + ".");
        }
        return f.apply(conf);
    }
}
