/**
 * Petridish (Hu et al., NeurIPS 2019; Archai's {@code petridish}): forward-stagewise growth of cell
 * networks. Seed models are trained; parents are sampled near the lower convex hull of
 * (multiply-adds, validation error); a child inserts a candidate node ({@link
 * org.nas4j.algos.petridish.PetridishOp}) whose output is zero in the forward pass but whose
 * weights learn, keeps its best (input, op) pairs and is trained as a model of the pool. {@link
 * org.nas4j.algos.petridish.PetridishSearch} drives the loop over a {@link
 * org.nas4j.algos.petridish.ModelTrials} runner (the command line's trial engine).
 */
package org.nas4j.algos.petridish;
