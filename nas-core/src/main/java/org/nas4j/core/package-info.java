/**
 * nas4j core: the exception hierarchy shared by every module and the layout of an experiment
 * directory ({@link org.nas4j.core.ExperimentDir}, {@link org.nas4j.core.PhaseDir}).
 */
package org.nas4j.core;
