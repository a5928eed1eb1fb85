package org.nas4j.search.finalize;

import java.util.List;
import java.util.Random;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.OpDesc;

/**
 * The random-search baseline of the DARTS paper: each node keeps randomly chosen edges, each
 * becoming a random non-{@code none} primitive, reproducibly from a seed.
 */
public class RandomFinalizers extends Finalizers {
    private final Random random;

    public RandomFinalizers(int maxFinalEdges, long seed) {
        super(maxFinalEdges);
        this.random = new Random(seed);
    }

    @Override
    protected EdgeChoice chooseEdge(CellDesc cell, int nodeIndex, EdgeDesc edge) {
        OpDesc op = edge.op();
        List<String> candidates =
                op.stringListParam(PRIMITIVES).stream().filter(p -> !"none".equals(p)).toList();
        double rank = random.nextDouble();
        if (candidates.isEmpty()) {
            return new EdgeChoice(edge, rank);
        }
        String pick = candidates.get(random.nextInt(candidates.size()));
        return new EdgeChoice(edge.withOp(discreteOp(op, pick)), rank);
    }
}
