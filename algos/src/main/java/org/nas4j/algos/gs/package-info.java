/**
 * Gumbel-softmax search (SNAS, Xie et al. 2019; GDAS, Dong and Yang 2019; Archai's {@code gs}):
 * every node draws Gumbel-softmax samples over all (edge, op) pairs entering it, at a temperature
 * annealed over the search; the finalizer keeps each node's most probable pairs.
 */
package org.nas4j.algos.gs;
