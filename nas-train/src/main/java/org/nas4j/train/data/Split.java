package org.nas4j.train.data;

/**
 * Sample indices of a training set divided into a training part and a held-out validation part.
 *
 * @param train indices of the training part, ascending
 * @param val indices of the validation part, ascending (empty when nothing is held out)
 */
public record Split(int[] train, int[] val) {}
