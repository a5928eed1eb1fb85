/** Search: training, architecture training, finalizers and the search phase. */
package org.nas4j.search;
