package org.nas4j.core.desc;

/** Whether a cell keeps the spatial size (regular, "normal" in DARTS) or halves it (reduction). */
public enum CellType {
    REGULAR,
    REDUCTION
}
