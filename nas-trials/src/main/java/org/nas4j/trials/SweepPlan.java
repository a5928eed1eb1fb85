package org.nas4j.trials;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.NasException;

/**
 * The trials of a sweep: the same experiment over several seeds and over the cross product of
 * conf-key grids. Trial ids name what varies ({@code seed_2}, {@code n_cells=5.seed_0}), and each
 * trial's directory is {@code <sweepDir>/<id>}.
 *
 * <pre>{@code
 * List<Trial> trials = new SweepPlan("run", "darts", List.of(), List.of(), 1)
 *         .seeds(List.of(0L, 1L))
 *         .grid("nas.search.model_desc.n_cells", List.of("5", "8"))
 *         .trials(Path.of("runs/sweep"));
 * }</pre>
 */
public final class SweepPlan {
    private final String command;
    private final String algo;
    private final List<String> baseArgs;
    private final List<String> overrides;
    private final int threads;
    private List<Long> seeds = List.of();
    private final Map<String, List<String>> grid = new LinkedHashMap<>();

    /**
     * @param command the {@code nas} command of every trial ({@code run}, {@code search}, {@code
     *     eval})
     * @param algo the algorithm
     * @param baseArgs options every trial gets ({@code --preset quick}, {@code --dataset ...})
     * @param overrides conf overrides every trial gets
     * @param threads libtorch threads per trial (0: the conf's)
     */
    public SweepPlan(
            String command,
            String algo,
            List<String> baseArgs,
            List<String> overrides,
            int threads) {
        this.command = command;
        this.algo = algo;
        this.baseArgs = List.copyOf(baseArgs);
        this.overrides = List.copyOf(overrides);
        this.threads = threads;
    }

    /** One trial per seed (each grid point runs every seed); empty keeps the conf's seed. */
    public SweepPlan seeds(List<Long> seeds) {
        this.seeds = List.copyOf(seeds);
        return this;
    }

    /** Adds a grid axis: {@code key} takes each of {@code values} (the cross product of axes). */
    public SweepPlan grid(String key, List<String> values) {
        if (values.isEmpty()) {
            throw new NasException("The grid of " + key + " has no values.");
        }
        if (grid.put(key, List.copyOf(values)) != null) {
            throw new NasException("The grid names " + key + " twice.");
        }
        return this;
    }

    /** Parses {@code key=v1,v2,...} (the {@code --grid} syntax) and adds the axis. */
    public SweepPlan grid(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new NasException(
                    "--grid '"
                            + spec
                            + "' is not KEY=V1,V2,... (e.g. nas.search.model_desc.n_cells=5,8).");
        }
        return grid(spec.substring(0, eq), List.of(spec.substring(eq + 1).split(",")));
    }

    /** The trials, in a fixed order: grid points in order, seeds inside each. */
    public List<Trial> trials(Path sweepDir) {
        List<Map<String, String>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : grid.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> p : points) {
                for (String v : axis.getValue()) {
                    Map<String, String> q = new LinkedHashMap<>(p);
                    q.put(axis.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        List<Trial> out = new ArrayList<>();
        for (Map<String, String> point : points) {
            List<Long> ss = seeds.isEmpty() ? java.util.Collections.singletonList(null) : seeds;
            for (Long seed : ss) {
                List<String> parts = new ArrayList<>();
                List<String> o = new ArrayList<>(overrides);
                for (Map.Entry<String, String> e : point.entrySet()) {
                    String key = e.getKey();
                    parts.add(key.substring(key.lastIndexOf('.') + 1) + "=" + e.getValue());
                    o.add("--" + key);
                    o.add(e.getValue());
                }
                if (seed != null) {
                    parts.add("seed_" + seed);
                    o.add("--common.seed");
                    o.add(String.valueOf(seed));
                }
                String id = parts.isEmpty() ? "trial" : String.join(".", parts);
                out.add(
                        new Trial(
                                id,
                                command,
                                algo,
                                baseArgs,
                                o,
                                sweepDir.resolve(id).toString(),
                                threads));
            }
        }
        return out;
    }

    /** The grid axes, in order. */
    public Map<String, List<String>> gridAxes() {
        return new LinkedHashMap<>(grid);
    }
}
