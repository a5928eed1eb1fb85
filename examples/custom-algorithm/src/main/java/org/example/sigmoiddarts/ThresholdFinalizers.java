package org.example.sigmoiddarts;

import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.EdgeReaders;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.search.finalize.EdgeChoice;
import org.nas4j.search.finalize.Finalizers;

/**
 * Keeps the edges a sigmoid search is sure of: each edge becomes its strongest op (as nas4j's
 * default does), and a node keeps the edges whose weight reaches {@code threshold}, strongest
 * first, at most {@code max_final_edges}. A node with no edge above the threshold keeps its single
 * strongest edge, so every node still has an input.
 *
 * <p>Only {@link #finalizeNode} is overridden: choosing each edge's op and refusing a result that
 * still holds a searchable op stay nas4j's.
 */
public class ThresholdFinalizers extends Finalizers {
    /** The {@code nas.search.finalizer.type} that selects this finalizer. */
    public static final String TYPE = "threshold";

    private final double threshold;

    /**
     * @param maxFinalEdges the most edges a node keeps, at least 1
     * @param threshold the weight an edge's strongest op must reach, in (0, 1)
     * @param readers how searchable edges are read (an op registry)
     */
    public ThresholdFinalizers(int maxFinalEdges, double threshold, EdgeReaders readers) {
        super(maxFinalEdges, readers);
        if (!(threshold > 0 && threshold < 1)) {
            throw new ConfException(
                    "nas.search.finalizer.threshold must lie strictly between 0 and 1 (a sigmoid"
                            + " weight), got "
                            + threshold
                            + ".");
        }
        this.threshold = threshold;
    }

    /** The finalizer {@code nas.search.finalizer} ({@code max_final_edges}, {@code threshold}). */
    public static ThresholdFinalizers fromConf(Conf conf, EdgeReaders readers) {
        Conf f = conf.child("nas.search.finalizer");
        return new ThresholdFinalizers(
                f.getInt("max_final_edges"), f.getDouble("threshold"), readers);
    }

    public double threshold() {
        return threshold;
    }

    @Override
    protected NodeDesc finalizeNode(CellDesc cell, int nodeIndex) {
        NodeDesc node = cell.nodes().get(nodeIndex);
        List<EdgeChoice> choices = new ArrayList<>();
        for (EdgeDesc edge : node.edges()) {
            choices.add(chooseEdge(cell, nodeIndex, edge));
        }
        long sure = choices.stream().filter(c -> c.rank() >= threshold).count();
        int keep = (int) Math.max(1, Math.min(sure, maxFinalEdges()));
        return node.withEdges(topEdges(choices, keep));
    }
}
