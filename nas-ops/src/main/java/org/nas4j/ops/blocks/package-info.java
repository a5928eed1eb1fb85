/**
 * Blocks of hand-designed networks as ops, so that such a network is a model description like a
 * searched one (drawn, counted, exported and reported the same way): the residual block of ResNet
 * ({@link org.nas4j.ops.blocks.ResNetBasicBlock}), the layer of a mixed-scale dense network ({@link
 * org.nas4j.ops.blocks.MsdLayer}), and {@link org.nas4j.ops.blocks.Unused}, the stem of a cell
 * input such a network does not read. They are registered with the built-in ops.
 */
package org.nas4j.ops.blocks;
