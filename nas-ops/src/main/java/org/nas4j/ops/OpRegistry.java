package org.nas4j.ops;

import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.NasException;
import org.nas4j.core.UnknownOpException;
import org.nas4j.core.desc.EdgeReader;
import org.nas4j.core.desc.EdgeReaders;
import org.nas4j.core.desc.OpDesc;

/**
 * Maps op names to factories. {@link #standard()} holds the built-in ops ({@link BuiltinOps});
 * algorithms add theirs through {@link OpProvider}s (the registry of a run, with every installed
 * algorithm's ops, is {@code org.nas4j.search.Algorithms#opRegistry()}). A searchable op is
 * registered together with its {@link EdgeReader}, so whatever reads a searched edge (finalizers,
 * drawings, the report) asks the registry and never matches op names itself.
 */
public final class OpRegistry implements EdgeReaders {
    private final Map<String, OpInfo> ops = new LinkedHashMap<>();

    /** An empty registry. */
    public OpRegistry() {}

    /** A new registry with the built-in ops. */
    public static OpRegistry standard() {
        OpRegistry registry = new OpRegistry();
        BuiltinOps.registerAll(registry);
        return registry;
    }

    /**
     * Registers an op.
     *
     * @throws NasException if the name is already registered
     */
    public OpRegistry register(String name, String description, OpFactory factory) {
        return add(new OpInfo(name, description, factory, null));
    }

    /**
     * Registers a searchable op with the reader of its edges (its candidates and their weights).
     *
     * @throws NasException if the name is already registered or the reader is missing
     */
    public OpRegistry registerSearchable(
            String name, String description, OpFactory factory, EdgeReader edgeReader) {
        if (edgeReader == null) {
            throw new NasException(
                    "Searchable op '"
                            + name
                            + "' needs an edge reader: without one its edges cannot be finalized.");
        }
        return add(new OpInfo(name, description, factory, edgeReader));
    }

    private OpRegistry add(OpInfo info) {
        if (ops.containsKey(info.name())) {
            throw new NasException(
                    "Op '" + info.name() + "' is already registered; op names must be unique.");
        }
        ops.put(info.name(), info);
        return this;
    }

    @Override
    public EdgeReader find(String name) {
        OpInfo info = ops.get(name);
        return info == null ? null : info.edgeReader();
    }

    /** Whether {@code name} is registered. */
    public boolean contains(String name) {
        return ops.containsKey(name);
    }

    /** The registered op, or an {@link UnknownOpException} listing the known names. */
    public OpInfo get(String name) {
        OpInfo info = ops.get(name);
        if (info == null) {
            throw new UnknownOpException(name, ops.keySet());
        }
        return info;
    }

    /** Builds the block for {@code desc}. */
    public Block create(OpDesc desc, OpContext ctx) {
        return get(desc.name()).factory().create(desc, ctx);
    }

    /** Every registered op in registration order. */
    public List<OpInfo> list() {
        return new ArrayList<>(ops.values());
    }
}
