package org.nas4j.search.finalize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nas4j.core.ConfException;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.EdgeCandidate;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.EdgeReader;
import org.nas4j.core.desc.EdgeReaders;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.train.PhaseRun;

/**
 * Prunes each node of a searched desc to its {@code maxFinalEdges} best incoming edges, as DARTS
 * derives its genotype: a searchable edge ranks by its strongest selectable candidate (as the op's
 * registered {@link EdgeReader} reads it) and becomes that candidate's op.
 *
 * <p>The desc must carry architecture weights (see {@code org.nas4j.ops.ArchWeights}). Subclasses
 * change how an edge or a node is chosen by overriding {@link #chooseEdge} or {@link
 * #finalizeNode}: {@code class MyFinalizers extends Finalizers { protected EdgeChoice
 * chooseEdge(...) {...} }}. Whatever they do, {@link #finalizeModel} refuses a result that still
 * holds a searchable op.
 */
public class Finalizers {
    private final int maxFinalEdges;
    private final EdgeReaders readers;

    /**
     * @param maxFinalEdges edges each node keeps, at least 1
     * @param readers how searchable edges are read (an op registry)
     */
    public Finalizers(int maxFinalEdges, EdgeReaders readers) {
        if (maxFinalEdges < 1) {
            throw new ConfException(
                    "nas.search.finalizer.max_final_edges must be at least 1, got "
                            + maxFinalEdges
                            + ".");
        }
        this.maxFinalEdges = maxFinalEdges;
        this.readers = readers;
    }

    /**
     * The finalizer {@code nas.search.finalizer} names: {@code type} {@code default} or {@code
     * random} (the random-search baseline, seeded by {@code common.seed}), keeping {@code
     * max_final_edges} edges per node.
     */
    public static Finalizers fromConf(Conf conf, EdgeReaders readers) {
        Conf f = conf.child("nas.search.finalizer");
        int edges = f.getInt("max_final_edges");
        String type = f.getString("type", "default");
        return switch (type) {
            case "default" -> new Finalizers(edges, readers);
            case "random" -> new RandomFinalizers(edges, conf.getLong("common.seed"), readers);
            default ->
                    throw new ConfException(
                            "nas.search.finalizer.type = '"
                                    + type
                                    + "' (from "
                                    + f.sourceOf("type")
                                    + ") is not a finalizer; valid types are default, random.");
        };
    }

    /**
     * Called by the search with the trained supernet and its data just before {@link
     * #finalizeModel}; the default does nothing. A finalizer that ranks candidates by what the
     * network computes rather than by its saved weights (divnas: the diversity of the candidates'
     * activations) collects what it needs here.
     */
    public void observe(PhaseRun run) {}

    public int maxFinalEdges() {
        return maxFinalEdges;
    }

    /** How searchable edges are read. */
    protected EdgeReaders readers() {
        return readers;
    }

    /**
     * The final desc: every cell's nodes pruned and their edges made discrete.
     *
     * @throws DescFormatException when an edge of the result is still a searchable op
     */
    public ModelDesc finalizeModel(ModelDesc searched) {
        List<CellDesc> cells = new ArrayList<>();
        for (CellDesc cell : searched.cells()) {
            cells.add(finalizeCell(cell));
        }
        ModelDesc out = searched.withCells(cells);
        checkDiscrete(out, readers);
        return out;
    }

    /**
     * Refuses a desc that still holds a searchable op on any edge: such a desc is not final.
     *
     * @throws DescFormatException naming the cell, node and op
     */
    public static void checkDiscrete(ModelDesc desc, EdgeReaders readers) {
        for (CellDesc cell : desc.cells()) {
            for (int i = 0; i < cell.nodes().size(); i++) {
                for (EdgeDesc edge : cell.nodes().get(i).edges()) {
                    if (readers.isSearchable(edge.op().name())) {
                        throw new DescFormatException(
                                "Cell "
                                        + cell.id()
                                        + ", node "
                                        + i
                                        + " still has the searchable op '"
                                        + edge.op().name()
                                        + "' after finalizing; a final description holds"
                                        + " discrete ops only.");
                    }
                }
            }
        }
    }

    /** One cell with each node finalized. */
    protected CellDesc finalizeCell(CellDesc cell) {
        List<NodeDesc> nodes = new ArrayList<>();
        for (int i = 0; i < cell.nodes().size(); i++) {
            nodes.add(finalizeNode(cell, i));
        }
        return cell.withNodes(nodes);
    }

    /** One node: its edges chosen, ranked and cut to {@code maxFinalEdges}, in input order. */
    protected NodeDesc finalizeNode(CellDesc cell, int nodeIndex) {
        NodeDesc node = cell.nodes().get(nodeIndex);
        List<EdgeChoice> choices = new ArrayList<>();
        for (EdgeDesc edge : node.edges()) {
            choices.add(chooseEdge(cell, nodeIndex, edge));
        }
        return node.withEdges(topEdges(choices, maxFinalEdges));
    }

    /** The {@code k} highest-ranked choices' edges, in input order. */
    protected static List<EdgeDesc> topEdges(List<EdgeChoice> choices, int k) {
        return choices.stream()
                .sorted(Comparator.comparingDouble(EdgeChoice::rank).reversed())
                .limit(k)
                .sorted(Comparator.comparingInt(c -> c.edge().inputIds().get(0)))
                .map(EdgeChoice::edge)
                .toList();
    }

    /**
     * The op an edge becomes and its rank: a searchable edge becomes its strongest selectable
     * candidate, ranked by that candidate's weight; an edge that is already discrete keeps its op.
     */
    protected EdgeChoice chooseEdge(CellDesc cell, int nodeIndex, EdgeDesc edge) {
        List<EdgeCandidate> candidates = candidates(cell, nodeIndex, edge);
        if (candidates == null) {
            return new EdgeChoice(edge, Double.NEGATIVE_INFINITY);
        }
        EdgeCandidate best = EdgeReader.strongest(candidates);
        if (best == null) {
            return new EdgeChoice(edge, Double.NEGATIVE_INFINITY);
        }
        return new EdgeChoice(edge.withOp(best.op()), best.weight());
    }

    /**
     * The candidates of a searchable edge, or null for a discrete one.
     *
     * @throws DescFormatException when the edge's reader cannot read it, naming the cell and node
     */
    protected List<EdgeCandidate> candidates(CellDesc cell, int nodeIndex, EdgeDesc edge) {
        EdgeReader reader = readers.find(edge.op().name());
        if (reader == null) {
            return null;
        }
        try {
            return reader.candidates(edge.op());
        } catch (DescFormatException e) {
            throw new DescFormatException(
                    "Cell " + cell.id() + ", node " + nodeIndex + ": " + e.getMessage(), e);
        }
    }
}
