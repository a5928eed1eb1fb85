/**
 * DARTS genotype notation: the compact way DARTS-family papers publish a searched cell, e.g. {@code
 * Genotype(normal=[('sep_conv_3x3', 0), ...], normal_concat=[2, 3, 4, 5], reduce=[...],
 * reduce_concat=[2, 3, 4, 5])}, read and written exactly, plus the published cells by name.
 */
package org.nas4j.core.genotype;
