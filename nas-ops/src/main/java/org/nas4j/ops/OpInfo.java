package org.nas4j.ops;

/**
 * A registered op: its config name, a one-line description and its factory.
 *
 * @param name config name, e.g. {@code sep_conv_3x3}
 * @param description one line for {@code nas ops}
 * @param factory builds the block
 */
public record OpInfo(String name, String description, OpFactory factory) {}
