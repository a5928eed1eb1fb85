/**
 * YAML configuration with the semantics Archai users know: {@code __include__} of other files, deep
 * merge of later files over earlier ones, {@code _copy} of subtrees and values, and typed
 * command-line overrides; values take commons-configuration2 variables ({@code ${other.key}},
 * {@code ${env:NAME}}, {@code ${sys:prop}}), and the resolved conf is also a commons-configuration2
 * configuration. Hostile input (alias, copy, variable and include bombs, deep nesting, numbers past
 * a getter's type) ends in one {@link org.nas4j.core.ConfException} naming the file and the limit.
 *
 * <p>{@link org.nas4j.core.conf.Conf} is the facade every module reads; {@link
 * org.nas4j.core.conf.AlgoConfs} names the shipped conf files of an algorithm and a dataset.
 */
package org.nas4j.core.conf;
