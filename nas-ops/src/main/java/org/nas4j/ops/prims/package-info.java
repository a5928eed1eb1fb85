/**
 * The primitive ops of the supergraph as small DJL blocks: convolutions (separable, dilated,
 * factorized), pools, identity and zero, cell and model stems, merges, classifier heads, plus
 * {@link org.nas4j.ops.prims.DropPath} and {@link org.nas4j.ops.prims.AuxTower}.
 *
 * <p>Every block follows PyTorch/DARTS conventions so that results can be compared with the papers:
 * convolutions have no bias, BatchNorm uses PyTorch momentum 0.1 and eps 1e-5 and is affine only
 * when the op description says so, and weights are initialised as PyTorch does ({@link
 * org.nas4j.ops.prims.TorchDefaultInitializer}). Ops are built from an {@link
 * org.nas4j.core.desc.OpDesc} through the registry filled by {@code BuiltinOps}.
 */
package org.nas4j.ops.prims;
