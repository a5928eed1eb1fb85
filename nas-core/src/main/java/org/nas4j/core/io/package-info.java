/**
 * File I/O shared by every module: the one Gson instance, atomic writes and size-limited reads of
 * the text files users hand nas4j.
 */
package org.nas4j.core.io;
