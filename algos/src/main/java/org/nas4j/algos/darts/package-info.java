/**
 * DARTS: Differentiable Architecture Search (Liu, Simonyan and Yang, ICLR 2019, <a
 * href="https://arxiv.org/abs/1806.09055">arXiv:1806.09055</a>). Every edge of the supernet is a
 * softmax-weighted mixture of primitives; architecture weights and ordinary weights are trained by
 * bilevel optimisation; each node then keeps its two strongest edges.
 */
package org.nas4j.algos.darts;
