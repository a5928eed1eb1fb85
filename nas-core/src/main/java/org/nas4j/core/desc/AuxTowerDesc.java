package org.nas4j.core.desc;

/**
 * The auxiliary classifier attached after a cell (DARTS evaluation).
 *
 * @param chIn channels of the cell output it reads
 * @param nClasses number of classes
 * @param stride stride of its 5x5 average pool (3 for 8x8 inputs, 2 for 7x7)
 */
public record AuxTowerDesc(int chIn, int nClasses, int stride) {}
