package org.nas4j.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.nas4j.core.ConfException;
import org.nas4j.core.NasException;
import org.nas4j.core.conf.AlgoConfs;
import org.nas4j.ops.OpProvider;
import org.nas4j.ops.OpRegistry;

/**
 * The installed algorithms: every {@link Algorithm} on the class path, found with {@link
 * ServiceLoader}, and the op registry they build networks with.
 *
 * <pre>{@code
 * Algorithms algos = Algorithms.installed();
 * Algorithm darts = algos.get("darts");
 * OpRegistry ops = algos.opRegistry();   // built-in ops + every algorithm's ops
 * }</pre>
 */
public final class Algorithms {
    private final Map<String, Algorithm> byName;

    private Algorithms(Map<String, Algorithm> byName) {
        this.byName = byName;
    }

    /**
     * The algorithms on the class path of this thread's context loader.
     *
     * @throws NasException when two algorithms share a name, an algorithm ships none of its confs,
     *     or a listed class cannot be loaded
     */
    public static Algorithms installed() {
        return of(load());
    }

    /** The given algorithms, checked as {@link #installed()} checks them. */
    public static Algorithms of(List<Algorithm> algorithms) {
        Map<String, Algorithm> byName = new LinkedHashMap<>();
        for (Algorithm a : algorithms) {
            Algorithm before = byName.putIfAbsent(a.name(), a);
            if (before != null) {
                throw new NasException(
                        "Two algorithms are registered as '"
                                + a.name()
                                + "': "
                                + before.getClass().getName()
                                + " and "
                                + a.getClass().getName()
                                + "; remove one jar from the class path.");
            }
            for (String conf : a.confResources()) {
                if (!AlgoConfs.isShipped(conf)) {
                    throw new ConfException(
                            "Algorithm '"
                                    + a.name()
                                    + "' ("
                                    + a.getClass().getName()
                                    + ") is registered but its conf "
                                    + conf
                                    + " is not on the class path; an algorithm ships its full"
                                    + " and toy confs beside its classes.");
                }
            }
        }
        return new Algorithms(byName);
    }

    private static List<Algorithm> load() {
        List<Algorithm> out = new ArrayList<>();
        try {
            for (Algorithm a : ServiceLoader.load(Algorithm.class)) {
                out.add(a);
            }
        } catch (ServiceConfigurationError e) {
            throw new NasException(
                    "An algorithm listed in META-INF/services/"
                            + Algorithm.class.getName()
                            + " could not be loaded: "
                            + e.getMessage(),
                    e);
        }
        return out;
    }

    /** Names of the installed algorithms, in discovery order. */
    public Set<String> names() {
        return byName.keySet();
    }

    /** Every installed algorithm, in discovery order. */
    public List<Algorithm> list() {
        return List.copyOf(byName.values());
    }

    /** Whether {@code name} is installed. */
    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /**
     * The algorithm called {@code name}.
     *
     * @param where where the name came from, for the message (e.g. {@code "--algo"} or a conf key
     *     and file)
     * @throws ConfException naming the installed algorithms when none has that name
     */
    public Algorithm get(String name, String where) {
        Algorithm a = byName.get(name);
        if (a == null) {
            throw new ConfException(
                    "No algorithm '"
                            + name
                            + "' is installed ("
                            + where
                            + "); installed algorithms are "
                            + String.join(", ", byName.keySet())
                            + ". An algorithm is a jar on the class path that lists its class in"
                            + " META-INF/services/"
                            + Algorithm.class.getName()
                            + ".");
        }
        return a;
    }

    /** The built-in ops and the ops of every installed algorithm (each provider once). */
    public OpRegistry opRegistry() {
        OpRegistry registry = OpRegistry.standard();
        Set<Class<?>> seen = new HashSet<>();
        for (Algorithm a : byName.values()) {
            for (OpProvider p : a.opProviders()) {
                if (seen.add(p.getClass())) {
                    p.registerOps(registry);
                }
            }
        }
        return registry;
    }
}
