/**
 * NAS-Bench-101 (Ying et al., ICML 2019): cells in the benchmark's spec format ({@link
 * org.nas4j.algos.nasbench101.Nb101Spec}: an upper-triangular adjacency matrix and one op per
 * vertex) become {@link org.nas4j.core.desc.CellDesc}s of the benchmark's network ({@link
 * org.nas4j.algos.nasbench101.Nb101ModelDescBuilder}), with the parameter counts the benchmark
 * records. The algorithm {@code nasbench101} draws a cell from the space as the benchmark's
 * generator does and trains it; {@code --trials N} is random search on the trial engine.
 */
package org.nas4j.algos.nasbench101;
