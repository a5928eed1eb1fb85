package org.nas4j.train.optim;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nas4j.core.NasException;

/**
 * An ordered list of parameters with unique, stable names: the key under which weights and
 * optimizer state are saved.
 *
 * <p>DJL's {@link Parameter#getName()} is local to a block ("weight") and {@link Parameter#getId()}
 * changes from run to run, so checkpoints name parameters by their path in the block tree ({@link
 * #of(Block)}), by the key an owner gives them ({@link #of(Map)}), or by position ({@link
 * #of(List)}).
 */
public final class NamedParams {
    private final List<String> names;
    private final List<Parameter> params;

    private NamedParams(List<String> names, List<Parameter> params) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new NasException(
                        "Parameter name '" + n + "' occurs twice; parameter names must be unique.");
            }
        }
        this.names = List.copyOf(names);
        this.params = List.copyOf(params);
    }

    /** Every parameter of {@code block} (frozen ones and running statistics included), by path. */
    public static NamedParams of(Block block) {
        List<String> names = new ArrayList<>();
        List<Parameter> params = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            names.add(p.getKey());
            params.add(p.getValue());
        }
        return new NamedParams(names, params);
    }

    /** The parameters of {@code byName} under their keys, in the map's iteration order. */
    public static NamedParams of(Map<String, Parameter> byName) {
        return new NamedParams(new ArrayList<>(byName.keySet()), new ArrayList<>(byName.values()));
    }

    /**
     * The parameters of {@code list} named {@code "<index>_<name>"}, like DJL's positional save.
     */
    public static NamedParams of(List<Parameter> list) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            names.add(String.format("%04d_%s", i, list.get(i).getName()));
        }
        return new NamedParams(names, list);
    }

    /** No parameters. */
    public static NamedParams empty() {
        return new NamedParams(List.of(), List.of());
    }

    /** The parameters that require a gradient (what an optimizer updates). */
    public NamedParams trainable() {
        List<String> n = new ArrayList<>();
        List<Parameter> p = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).requiresGradient()) {
                n.add(names.get(i));
                p.add(params.get(i));
            }
        }
        return new NamedParams(n, p);
    }

    /** The parameters in order. */
    public List<Parameter> list() {
        return params;
    }

    /** The names in order. */
    public List<String> names() {
        return names;
    }

    /** The parameters by name, in order. */
    public Map<String, Parameter> asMap() {
        Map<String, Parameter> m = new LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            m.put(names.get(i), params.get(i));
        }
        return Collections.unmodifiableMap(m);
    }

    /** Number of parameters. */
    public int size() {
        return params.size();
    }

    /** Whether there are no parameters. */
    public boolean isEmpty() {
        return params.isEmpty();
    }

    /** The name of parameter {@code i}. */
    public String name(int i) {
        return names.get(i);
    }

    /** Parameter {@code i}. */
    public Parameter get(int i) {
        return params.get(i);
    }
}
