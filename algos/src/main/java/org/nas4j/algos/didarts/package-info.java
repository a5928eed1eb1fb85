/**
 * didarts (Archai): DARTS' mixed-op supernet trained single-level, the architecture weights stepped
 * on the training loss together with the ordinary weights.
 */
package org.nas4j.algos.didarts;
