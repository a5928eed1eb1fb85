package org.nas4j.search.finalize;

import org.nas4j.core.desc.EdgeDesc;

/**
 * What a finalizer decided for one searched edge: the op it becomes and how strongly it ranks.
 *
 * @param edge the final edge (its op replaced by the chosen primitive)
 * @param rank strength used to order a node's edges; higher is better
 */
public record EdgeChoice(EdgeDesc edge, double rank) {}
