/**
 * Architecture trainers: training that updates a network's architecture weights (a mixed op's
 * alphas) beside its ordinary weights, with their own optimizer.
 *
 * <p>{@link org.nas4j.search.arch.ArchTrainer} is the base an algorithm extends with its
 * architecture step (DARTS' bilevel step lives in {@code org.nas4j.algos.darts}); {@link
 * org.nas4j.search.arch.AlphasListener} records the architecture weights after every epoch in
 * {@code alphas.jsonl}; {@link org.nas4j.search.arch.FrozenGrads} switches gradient computation off
 * for a set of parameters during one pass.
 */
package org.nas4j.search.arch;
