package org.nas4j.algos.darts;

import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.OpContext;

/**
 * The candidate ops of a searchable edge of the DARTS family: every primitive but {@code none}
 * (whose output is exactly zero, so it is never computed) built through the registry with the
 * edge's channels, stride and affinity. A pool is followed by a BatchNorm ({@link PoolBn}), as in
 * DARTS' and Archai's search edges (a pool that changes channels ends in one already).
 */
public final class EdgePrimitives {
    private EdgePrimitives() {}

    /**
     * Builds the primitives of {@code desc} other than {@code none} and hands each to {@code
     * addChild} (an op's {@code addChildBlock}).
     *
     * @param opName the searchable op's name, for the message
     * @return the positions in {@code primitives} of the built ones, in order
     * @throws NasException when nothing but {@code none} is listed
     */
    public static List<Integer> build(
            OpDesc desc,
            OpContext ctx,
            List<String> primitives,
            String opName,
            BiConsumer<String, Block> addChild) {
        List<Integer> computed = new ArrayList<>();
        for (int i = 0; i < primitives.size(); i++) {
            String name = primitives.get(i);
            if (!MixedEdgeReader.NONE.equals(name)) {
                OpDesc prim = OpDesc.of(name, desc.conv(), desc.stride(), desc.affine());
                Block op = ctx.registry().create(prim, ctx);
                boolean sameCh = desc.conv().chIn() == desc.conv().chOut();
                addChild.accept(
                        name,
                        sameCh && PoolBn.POOLS.contains(name) ? new PoolBn(op, desc.affine()) : op);
                computed.add(i);
            }
        }
        if (computed.isEmpty()) {
            throw new NasException(
                    "A "
                            + opName
                            + " needs at least one primitive other than 'none' in its 'primitives'"
                            + " list (e.g. ['max_pool_3x3', 'sep_conv_3x3', 'none']); got "
                            + primitives
                            + ".");
        }
        return computed;
    }
}
