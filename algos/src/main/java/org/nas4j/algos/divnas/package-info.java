/**
 * divnas (Archai): DARTS bilevel search, then a finalizer that picks, per node, the (edge, op)
 * candidates whose activations carry the most mutual information with the rest.
 */
package org.nas4j.algos.divnas;
