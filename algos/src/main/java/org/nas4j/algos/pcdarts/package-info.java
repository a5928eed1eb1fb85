/**
 * PC-DARTS: Partial Channel Connections for Memory-Efficient Architecture Search (Xu et al., ICLR
 * 2020, <a href="https://arxiv.org/abs/1907.05737">arXiv:1907.05737</a>), registered as {@code
 * pc_darts}. Each edge sends only {@code 1/k} of its channels through the mixed op, the rest bypass
 * it, and a channel shuffle mixes the two; each node weighs its incoming edges by a softmax over
 * per-edge {@code beta}s (edge normalisation), which also ranks the edges when finalizing.
 */
package org.nas4j.algos.pcdarts;
