package org.nas4j.ops;

import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.nas4j.core.NasException;
import org.nas4j.core.UnknownOpException;
import org.nas4j.core.desc.OpDesc;

/**
 * Maps op names to factories. {@link #standard()} holds the built-in ops ({@link BuiltinOps}) and
 * those of every {@link OpProvider} on the classpath; algorithms may also register their own ops on
 * an instance.
 */
public final class OpRegistry {
    private final Map<String, OpInfo> ops = new LinkedHashMap<>();

    /** An empty registry. */
    public OpRegistry() {}

    /** A new registry with the built-in ops and those of every {@link OpProvider} found. */
    public static OpRegistry standard() {
        OpRegistry registry = new OpRegistry();
        BuiltinOps.registerAll(registry);
        for (OpProvider provider : ServiceLoader.load(OpProvider.class)) {
            provider.registerOps(registry);
        }
        return registry;
    }

    /**
     * Registers an op.
     *
     * @throws NasException if the name is already registered
     */
    public OpRegistry register(String name, String description, OpFactory factory) {
        if (ops.containsKey(name)) {
            throw new NasException(
                    "Op '" + name + "' is already registered; op names must be unique.");
        }
        ops.put(name, new OpInfo(name, description, factory));
        return this;
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
