/**
 * Finalizers: turn a searched supernet description into a discrete architecture by keeping each
 * node's best edges and choosing one op per edge.
 */
package org.nas4j.search.finalize;
