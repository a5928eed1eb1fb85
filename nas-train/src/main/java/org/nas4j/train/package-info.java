/**
 * Training and testing of a DJL block: {@link org.nas4j.train.Trainer}, {@link
 * org.nas4j.train.Tester}, per-epoch metrics, listeners (progress, log file, metrics.json,
 * checkpoints) and resumable {@link org.nas4j.train.Checkpoint}s.
 *
 * <h2>Reproducing a run after an interruption</h2>
 *
 * A checkpoint is written after every epoch and, with {@code trainer.checkpoint_every_steps} N > 0,
 * after every N-th step; an interrupted run (even by {@code kill -9}) resumes where the last
 * checkpoint stopped, in the middle of an epoch if need be, so at most N steps (or one epoch) are
 * lost and no JVM shutdown hook is needed. A resumed run ends with the same weights and metrics as
 * an uninterrupted one because everything random is a function of where it happens: the loaders'
 * order depends only on (seed, epoch) and a batch's augmentation on (seed, epoch, batch), so an
 * epoch can start at any batch ({@link org.nas4j.train.data.BatchStream#epoch(int, int)}); DJL's
 * random generator (dropout, drop path, Gumbel noise) is re-seeded before every step from (seed,
 * epoch, step); and the checkpoint holds the weights, running statistics, architecture weights,
 * optimizer state, step counts, metrics, the epoch's position and partial metrics ({@link
 * org.nas4j.train.EpochPosition}) and the hash of the conf ({@link
 * org.nas4j.train.ConfFingerprint}) that a resume compares with its own.
 */
package org.nas4j.train;
