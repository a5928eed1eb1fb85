/**
 * XNAS (Nayman et al., NeurIPS 2019, arXiv:1906.09557): every edge of the DARTS supernet is a
 * mixture of experts whose weights follow exponentiated-gradient updates on the validation rewards,
 * with experts that can no longer win wiped out.
 */
package org.nas4j.algos.xnas;
