package org.nas4j.core.desc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graphs;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.jgrapht.traverse.BreadthFirstIterator;

/**
 * A directed-acyclic-graph view of one cell, built on demand for ordering and checks.
 *
 * <p>Vertices are state ids (0 and 1 are the cell inputs, {@code k >= 2} is node {@code k-2});
 * there is an edge from every input id of a node's edges to that node. Inputs that name no state,
 * or that would close a cycle, are not added to the graph but reported by {@link #problems()}.
 * Graph-library types stay inside this class: its methods answer with plain ids.
 */
public final class CellGraph {
    /** Why an edge input could not be, or should not have been, added to the graph. */
    public enum Kind {
        /** The input id names no state of the cell. */
        MISSING,
        /** The input id names a later node (or the node itself); nodes are computed in order. */
        FORWARD,
        /** The input id would close a cycle. */
        CYCLE
    }

    /**
     * One bad input id of a node's edge.
     *
     * @param node index of the node in the cell
     * @param edge index of the edge in the node
     * @param input index of the id in the edge's input ids
     * @param inputId the offending state id
     * @param kind what is wrong with it
     */
    public record Problem(int node, int edge, int input, int inputId, Kind kind) {}

    private final DirectedAcyclicGraph<Integer, DefaultEdge> graph;
    private final List<Problem> problems;

    private CellGraph(DirectedAcyclicGraph<Integer, DefaultEdge> graph, List<Problem> problems) {
        this.graph = graph;
        this.problems = List.copyOf(problems);
    }

    /** Builds the view of {@code cell}; never throws for a malformed cell (see {@link #problems}). */
    public static CellGraph of(CellDesc cell) {
        return of(cell.nodes());
    }

    /** Builds the view of a cell with these nodes. */
    public static CellGraph of(List<NodeDesc> nodes) {
        DirectedAcyclicGraph<Integer, DefaultEdge> g = new DirectedAcyclicGraph<>(DefaultEdge.class);
        int nStates = nodes.size() + 2;
        for (int s = 0; s < nStates; s++) {
            g.addVertex(s);
        }
        List<Problem> problems = new ArrayList<>();
        for (int n = 0; n < nodes.size(); n++) {
            int target = n + 2;
            List<EdgeDesc> edges = nodes.get(n).edges();
            for (int e = 0; e < edges.size(); e++) {
                List<Integer> ids = edges.get(e).inputIds();
                for (int i = 0; i < ids.size(); i++) {
                    int id = ids.get(i);
                    if (id < 0 || id >= nStates) {
                        problems.add(new Problem(n, e, i, id, Kind.MISSING));
                        continue;
                    }
                    try {
                        g.addEdge(id, target);
                    } catch (IllegalArgumentException closesCycle) {
                        // JGraphT refuses loops and cycle-closing edges; that is what we detect
                        problems.add(new Problem(n, e, i, id, Kind.CYCLE));
                        continue;
                    }
                    if (id >= target) {
                        problems.add(new Problem(n, e, i, id, Kind.FORWARD));
                    }
                }
            }
        }
        return new CellGraph(g, problems);
    }

    /** Bad input ids in node, edge and input order; empty for a well-formed cell. */
    public List<Problem> problems() {
        return problems;
    }

    /** Number of states: the two cell inputs plus one per node. */
    public int stateCount() {
        return graph.vertexSet().size();
    }

    /** State ids in an order where every state comes after the states it reads. */
    public List<Integer> topologicalOrder() {
        List<Integer> order = new ArrayList<>(graph.vertexSet().size());
        graph.iterator().forEachRemaining(order::add);
        return order;
    }

    /** State ids that {@code state} reads directly, ascending. */
    public Set<Integer> inputsOf(int state) {
        return new TreeSet<>(Graphs.predecessorListOf(graph, state));
    }

    /**
     * Node states that no path from the cell inputs reaches (nodes without edges, or reading only
     * such nodes). Their output is zero; a macro skeleton before its edges are added is all such.
     */
    public Set<Integer> unreachableNodes() {
        Set<Integer> reached = new TreeSet<>();
        for (int input = 0; input < Math.min(2, stateCount()); input++) {
            new BreadthFirstIterator<>(graph, input).forEachRemaining(reached::add);
        }
        Set<Integer> out = new TreeSet<>();
        for (int s = 2; s < stateCount(); s++) {
            if (!reached.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
