/**
 * Ops and networks: the op registry, every supergraph op as a DJL block, architecture weights
 * ({@link org.nas4j.ops.ArchParams}) and the network built from a model description.
 */
package org.nas4j.ops;
