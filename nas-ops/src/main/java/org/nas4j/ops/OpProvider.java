package org.nas4j.ops;

/**
 * Contributes ops to every standard registry, found with {@link java.util.ServiceLoader}.
 *
 * <p>An algorithm module lists its implementation in {@code
 * META-INF/services/org.nas4j.ops.OpProvider}.
 */
public interface OpProvider {
    /** Registers this provider's ops. */
    void registerOps(OpRegistry registry);
}
