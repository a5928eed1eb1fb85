package org.nas4j.search.finalize;

import java.util.List;
import java.util.Random;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.EdgeCandidate;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.EdgeReaders;

/**
 * The random-search baseline of the DARTS paper: each node keeps randomly chosen edges, each
 * becoming a random selectable candidate of its searchable op, reproducibly from a seed.
 */
public class RandomFinalizers extends Finalizers {
    private final Random random;

    public RandomFinalizers(int maxFinalEdges, long seed, EdgeReaders readers) {
        super(maxFinalEdges, readers);
        this.random = new Random(seed);
    }

    @Override
    protected EdgeChoice chooseEdge(CellDesc cell, int nodeIndex, EdgeDesc edge) {
        double rank = random.nextDouble();
        List<EdgeCandidate> all = candidates(cell, nodeIndex, edge);
        List<EdgeCandidate> selectable =
                all == null ? List.of() : all.stream().filter(EdgeCandidate::selectable).toList();
        if (selectable.isEmpty()) {
            return new EdgeChoice(edge, rank);
        }
        return new EdgeChoice(
                edge.withOp(selectable.get(random.nextInt(selectable.size())).op()), rank);
    }
}
