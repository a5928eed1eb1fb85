package org.nas4j.ops;

import org.nas4j.core.desc.EdgeReader;

/**
 * A registered op: its config name, a one-line description, its factory and, for a searchable op
 * (one whose edge mixes or samples candidate ops under architecture weights), how its edge is read
 * and made discrete.
 *
 * @param name config name, e.g. {@code sep_conv_3x3}
 * @param description one line for {@code nas ops}
 * @param factory builds the block
 * @param edgeReader the searchable op's candidates and weights; null for an ordinary op
 */
public record OpInfo(String name, String description, OpFactory factory, EdgeReader edgeReader) {
    /** Whether this op is searchable: a final description must not contain it. */
    public boolean searchable() {
        return edgeReader != null;
    }
}
