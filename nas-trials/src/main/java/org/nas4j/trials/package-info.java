/**
 * Many trainings at once. A {@link org.nas4j.trials.Trial} is one run of the {@code nas} command
 * line (a phase, or search then eval, of one algorithm with one conf, seed and experiment
 * directory) executed as its own JVM process by {@link org.nas4j.trials.TrialProcess}; an engine
 * runs a list of them ({@link org.nas4j.trials.LocalEngine}: a process pool on this machine; {@link
 * org.nas4j.trials.SparkEngine}: one Spark task per trial, embedded {@code local[N]} or a cluster)
 * and a {@link org.nas4j.trials.Ledger} ({@code trials.jsonl}) records each trial's status so a
 * sweep can be resumed.
 */
package org.nas4j.trials;
