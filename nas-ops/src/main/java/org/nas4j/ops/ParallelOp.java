package org.nas4j.ops;

/**
 * Marks an op whose child blocks each read the op's own input unchanged: the candidate primitives
 * of a searchable edge (DARTS' mixed op and its relatives). A cell shares the ReLUs and pools those
 * children start with between all edges reading the same state ({@link SharedOutputs}); the memory
 * estimate counts them once.
 */
public interface ParallelOp {}
