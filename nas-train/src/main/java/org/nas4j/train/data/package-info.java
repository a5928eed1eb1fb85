/** Datasets, splits, augmentation and background batch loading. */
package org.nas4j.train.data;
