package org.nas4j.ops;

import ai.djl.nn.Block;
import org.nas4j.core.desc.OpDesc;

/**
 * Builds the DJL block for one op description.
 *
 * <p>{@code registry.register("my_op", "what it does", (desc, ctx) -> new MyOp(desc));}
 */
@FunctionalInterface
public interface OpFactory {
    /** A new, uninitialised block for {@code desc}. */
    Block create(OpDesc desc, OpContext ctx);
}
