package org.nas4j.ops;

/**
 * What an op factory may need beyond its description: the registry (to build child ops), the
 * network's architecture weights, and the key under which an op at this position owns them.
 *
 * <p>The key names the position in the cell that owns the weights (for example {@code
 * cell0.node2.edge1}); cells whose {@code trainablesFrom} points at the same cell get the same key,
 * so they share the architecture weights by reference.
 *
 * @param registry registry for child ops
 * @param archParams architecture weights of the network being built
 * @param archKey key for architecture weights owned by the op being built
 */
public record OpContext(OpRegistry registry, ArchParams archParams, String archKey) {

    /** A context for building standalone ops (tests, tools) with fresh architecture weights. */
    public static OpContext standalone(OpRegistry registry) {
        return new OpContext(registry, new ArchParams(), "op");
    }

    /** The same context for another position. */
    public OpContext withArchKey(String key) {
        return new OpContext(registry, archParams, key);
    }
}
