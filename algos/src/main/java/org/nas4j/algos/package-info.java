/** Algorithms, their experiment runners and the {@code nas} command line. */
package org.nas4j.algos;
