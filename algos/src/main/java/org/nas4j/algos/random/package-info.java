/**
 * The random-cell baseline (Archai's {@code random}; Li and Talwalkar 2019 for why it matters):
 * every node of a cell gets two ops drawn from the non-{@code none} primitives on two distinct
 * earlier states, from the run's seed, and the evaluation trains that cell. There is no search
 * training. {@code nas run --algo random --trials N} samples N cells and keeps the best.
 */
package org.nas4j.algos.random;
