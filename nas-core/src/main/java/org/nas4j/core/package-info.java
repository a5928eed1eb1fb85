/** nas4j core: the exception hierarchy shared by every module. */
package org.nas4j.core;
