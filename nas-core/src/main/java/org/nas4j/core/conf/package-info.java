/**
 * YAML configuration with the semantics Archai users know: {@code __include__} of other files, deep
 * merge of later files over earlier ones, {@code _copy} of subtrees and values, and typed
 * command-line overrides.
 *
 * <p>{@link org.nas4j.core.conf.Conf} is the facade every module reads; {@link
 * org.nas4j.core.conf.AlgoConfs} names the shipped conf files of an algorithm and a dataset.
 */
package org.nas4j.core.conf;
