/**
 * Model descriptions: immutable values that say what network to build, independent of DJL.
 *
 * <p>Input ids of a node's edges: 0 is the first cell input (c_{k-2}), 1 the second (c_{k-1}), and
 * k &gt;= 2 is node k-2 of the same cell.
 */
package org.nas4j.core.desc;
