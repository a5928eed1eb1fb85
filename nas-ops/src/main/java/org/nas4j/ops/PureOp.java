package org.nas4j.ops;

/**
 * Marks an op whose output depends on its inputs alone: no state, no randomness, the same result
 * however often it runs. A cell computes such an op once for all its edges that read the same
 * states with an equal {@link org.nas4j.core.desc.OpDesc} (DARTS_V2's reduction cell max-pools its
 * second input three times), provided the op has no parameters.
 */
public interface PureOp {}
