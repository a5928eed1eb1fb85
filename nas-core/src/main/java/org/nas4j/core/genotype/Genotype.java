package org.nas4j.core.genotype;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;
import org.nas4j.core.desc.OpDesc;

/**
 * A searched normal and reduction cell in DARTS notation. Each pair of {@code (op, input)} entries
 * is one node; input 0 and 1 are the cell inputs, k &gt;= 2 is node k-2; the concat lists name the
 * states the cell output concatenates.
 *
 * @param normal edges of the normal cell, two per node
 * @param normalConcat states concatenated into the normal cell's output
 * @param reduce edges of the reduction cell, two per node
 * @param reduceConcat states concatenated into the reduction cell's output
 */
public record Genotype(
        List<Edge> normal,
        List<Integer> normalConcat,
        List<Edge> reduce,
        List<Integer> reduceConcat) {

    /**
     * Key of the model desc parameter that records the genotype text a desc was built from; {@link
     * #fromDesc} gives that text back when it still describes the desc's cells.
     */
    public static final String DESC_PARAM = "genotype";

    /** Edges each node has in DARTS notation. */
    public static final int EDGES_PER_NODE = 2;

    /**
     * One {@code (op, input)} entry.
     *
     * @param op primitive name
     * @param input state id
     */
    public record Edge(String op, int input) {}

    public Genotype {
        normal = List.copyOf(normal);
        normalConcat = concatCopy(normalConcat);
        reduce = List.copyOf(reduce);
        reduceConcat = concatCopy(reduceConcat);
    }

    /** A {@link PythonRange} is immutable and keeps its written form; other lists are copied. */
    private static List<Integer> concatCopy(List<Integer> concat) {
        return concat instanceof PythonRange ? concat : List.copyOf(concat);
    }

    /** Parses DARTS notation; see {@link GenotypeParser}. */
    public static Genotype parse(String text) {
        return new GenotypeParser(text).parse();
    }

    /**
     * The genotype in DARTS notation, exactly as {@link #parse} reads it; concat lists read as
     * {@code range(2, 6)} print as {@code range(2, 6)}.
     */
    @Override
    public String toString() {
        return "Genotype(normal="
                + edges(normal)
                + ", normal_concat="
                + normalConcat
                + ", reduce="
                + edges(reduce)
                + ", reduce_concat="
                + reduceConcat
                + ")";
    }

    private static String edges(List<Edge> edges) {
        return edges.stream()
                .map(e -> "('" + e.op() + "', " + e.input() + ")")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * The nodes of one cell: {@code reduction} selects which; {@code ch} is the node channel count;
     * edges from the cell inputs get stride 2 in a reduction cell.
     */
    public List<NodeDesc> nodes(boolean reduction, int ch, boolean affine) {
        List<Edge> edges = reduction ? reduce : normal;
        ConvMacroParams conv = ConvMacroParams.of(ch);
        List<NodeDesc> nodes = new ArrayList<>();
        for (int i = 0; i < edges.size(); i += EDGES_PER_NODE) {
            List<EdgeDesc> in = new ArrayList<>();
            for (int j = i; j < Math.min(i + EDGES_PER_NODE, edges.size()); j++) {
                Edge e = edges.get(j);
                int stride = reduction && e.input() < 2 ? 2 : 1;
                in.add(EdgeDesc.of(OpDesc.of(e.op(), conv, stride, affine), e.input()));
            }
            nodes.add(new NodeDesc(in, conv));
        }
        return nodes;
    }

    /** Number of intermediate nodes of the normal cell. */
    public int nodeCount() {
        return (normal.size() + EDGES_PER_NODE - 1) / EDGES_PER_NODE;
    }

    /**
     * The genotype of a final model description: its first regular and first reduction cell.
     *
     * @throws DescFormatException if the desc lacks either cell type or has undecided edges
     */
    public static Genotype fromDesc(ModelDesc desc, String source) {
        CellDesc normal = first(desc, false, source);
        CellDesc reduce = first(desc, true, source);
        Genotype g =
                new Genotype(
                        edgesOf(normal, source),
                        concatOf(normal),
                        edgesOf(reduce, source),
                        concatOf(reduce));
        // keep the written form (range(2, 6)) of the genotype the desc was built from
        if (desc.params().get(DESC_PARAM) instanceof String written) {
            try {
                Genotype recorded = parse(written);
                if (recorded.equals(g)) {
                    return recorded;
                }
            } catch (DescFormatException e) {
                // a recorded text that no longer parses is ignored: the cells are the truth
            }
        }
        return g;
    }

    private static CellDesc first(ModelDesc desc, boolean reduction, String source) {
        return desc.cells().stream()
                .filter(c -> c.isReduction() == reduction)
                .findFirst()
                .orElseThrow(
                        () ->
                                new DescFormatException(
                                        source
                                                + ": the model description has no "
                                                + (reduction ? "reduction" : "regular")
                                                + " cell, so it has no genotype."));
    }

    private static List<Edge> edgesOf(CellDesc cell, String source) {
        List<Edge> out = new ArrayList<>();
        for (int i = 0; i < cell.nodes().size(); i++) {
            List<EdgeDesc> edges = cell.nodes().get(i).edges();
            if (edges.size() != EDGES_PER_NODE) {
                throw new DescFormatException(
                        source
                                + ": cell "
                                + cell.id()
                                + ", node "
                                + i
                                + " has "
                                + edges.size()
                                + " edges; DARTS genotype notation needs exactly "
                                + EDGES_PER_NODE
                                + " per node (finalize the search desc first).");
            }
            for (EdgeDesc e : edges) {
                out.add(new Edge(e.op().name(), e.inputIds().get(0)));
            }
        }
        return out;
    }

    private static List<Integer> concatOf(CellDesc cell) {
        int n = cell.nodes().size();
        int k = Math.max(0, Math.min(n, cell.postOp().intParam("out_states", n)));
        List<Integer> out = new ArrayList<>();
        for (int i = n - k; i < n; i++) {
            out.add(i + 2);
        }
        return out;
    }
}
