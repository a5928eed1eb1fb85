/**
 * The {@code nas} command line (picocli): one class per subcommand under {@link
 * org.nas4j.cli.NasCli}.
 *
 * <p>A new subcommand is a class annotated with {@code @Command} implementing {@code
 * Callable<Integer>}, listed in the {@code subcommands} of its parent ({@code NasCli} or a group
 * such as {@code DescCommand}). Commands that read an algorithm's conf mix in {@link
 * org.nas4j.cli.ConfOptions}; errors are thrown as {@link org.nas4j.core.NasException} and printed
 * by {@link org.nas4j.cli.CliErrors}.
 */
package org.nas4j.cli;
