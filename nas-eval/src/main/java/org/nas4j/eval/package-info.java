/** Evaluation: rebuild a deeper network from the final cells, train it from scratch and test it. */
package org.nas4j.eval;
