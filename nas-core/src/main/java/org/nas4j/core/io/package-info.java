/** File I/O shared by every module: the one Gson instance and atomic writes. */
package org.nas4j.core.io;
