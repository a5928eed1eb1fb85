package org.nas4j.ops;

/**
 * Contributes a package's ops to a registry. An algorithm names the providers of the ops it builds
 * its networks with ({@code org.nas4j.search.Algorithm#opProviders()}); a provider shared by
 * several algorithms registers once. A searchable op is registered with {@link
 * OpRegistry#registerSearchable} so that its edges can be finalized.
 */
public interface OpProvider {
    /** Registers this provider's ops. */
    void registerOps(OpRegistry registry);
}
