/**
 * Drawings of cells as DARTS papers draw them: the two cell inputs on the left, intermediate nodes
 * in order, the cell output on the right, every edge labelled with its op (and its weight when a
 * search desc carries architecture weights). SVG needs nothing outside the JDK; PNG uses Java2D,
 * headless.
 */
package org.nas4j.core.viz;
