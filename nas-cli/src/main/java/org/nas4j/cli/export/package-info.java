/**
 * Turning results into artefacts other programs use: a DARTS genotype into a full model description
 * ({@link org.nas4j.eval.GenotypeDescs}) and a finished experiment into a directory a plain DJL
 * program loads ({@link org.nas4j.cli.export.ModelExporter}).
 */
package org.nas4j.cli.export;
