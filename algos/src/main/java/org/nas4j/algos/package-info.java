/** Algorithms, the experiment runner and the {@code nas} command line. */
package org.nas4j.algos;
