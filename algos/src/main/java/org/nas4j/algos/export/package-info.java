/**
 * Turning results into artefacts other programs use: a DARTS genotype into a full model description
 * ({@link org.nas4j.algos.export.GenotypeDescs}) and a finished experiment into a directory a plain
 * DJL program loads ({@link org.nas4j.algos.export.ModelExporter}).
 */
package org.nas4j.algos.export;
