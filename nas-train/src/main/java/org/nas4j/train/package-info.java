/**
 * Training and testing of a DJL block: {@link org.nas4j.train.Trainer}, {@link
 * org.nas4j.train.Tester}, per-epoch metrics, listeners (progress, log file, metrics.json,
 * checkpoints) and resumable {@link org.nas4j.train.Checkpoint}s.
 *
 * <h2>Reproducing a run after an interruption</h2>
 *
 * A checkpoint is written after every epoch; an interrupted run resumes at the epoch after the last
 * checkpoint, so at most one epoch is lost and no JVM shutdown hook is needed. A resumed run ends
 * with the same weights as an uninterrupted one because everything random is a function of (seed,
 * epoch): the loaders' data order depends only on them, DJL's random generator (dropout, drop path)
 * is re-seeded at the start of every epoch with a value derived from them, and the checkpoint holds
 * the weights, running statistics, architecture weights, optimizer state, step counts and metrics.
 */
package org.nas4j.train;
