/**
 * Optimizers, gradient clipping and learning-rate schedules whose state nas4j owns.
 *
 * <p>DJL keeps optimizer state (momentum buffers, Adam moments) in private maps that cannot be
 * saved, and its SGD folds the learning rate into the momentum buffer. The optimizers here follow
 * PyTorch's update rules ({@code torch.optim.SGD}, {@code torch.optim.Adam}) as in-place NDArray
 * operations, keep their state in a manager they own and save it by parameter name, so a checkpoint
 * resumes training exactly.
 */
package org.nas4j.train.optim;
