package org.nas4j.algos.nasbench101;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;

/**
 * The NAS-Bench-101 search space: the inner ops a vertex may have and the most vertices and edges a
 * pruned cell may have (the benchmark: {@code conv3x3-bn-relu}, {@code conv1x1-bn-relu}, {@code
 * maxpool3x3}; 7 vertices; 9 edges). Read from {@code nas.search.model_desc}.
 *
 * @param availableOps the inner ops, a subset of {@link Nb101Ops#VERTEX_OPS}
 * @param maxVertices the most vertices of a pruned cell, input and output included
 * @param maxEdges the most edges of a pruned cell
 */
public record Nb101Space(List<String> availableOps, int maxVertices, int maxEdges) {

    /** The benchmark's space (its {@code config.py}: module_vertices, max_edges, available_ops). */
    public static final Nb101Space BENCHMARK = new Nb101Space(Nb101Ops.VERTEX_OPS, 7, 9);

    public Nb101Space {
        availableOps = List.copyOf(availableOps);
    }

    /**
     * The space in a {@code model_desc} section: {@code available_ops}, {@code max_vertices},
     * {@code max_edges}.
     *
     * @throws ConfException naming the key and file of an unknown op or a limit out of range
     */
    public static Nb101Space fromConf(Conf section) {
        List<String> ops = section.getStringList("available_ops");
        for (String op : ops) {
            if (!Nb101Ops.VERTEX_OPS.contains(op)) {
                throw new ConfException(
                        "Key "
                                + section.where("available_ops")
                                + " lists '"
                                + op
                                + "', which is not a NAS-Bench-101 op nas4j builds; valid: "
                                + String.join(", ", Nb101Ops.VERTEX_OPS)
                                + ".");
            }
        }
        if (ops.isEmpty()) {
            throw new ConfException(
                    "Key " + section.where("available_ops") + " is empty; list at least one op.");
        }
        int vertices = section.getInt("max_vertices");
        int edges = section.getInt("max_edges");
        if (vertices < 2 || edges < 1) {
            throw new ConfException(
                    "Keys "
                            + section.where("max_vertices")
                            + " = "
                            + vertices
                            + " and max_edges = "
                            + edges
                            + " leave no cell; a cell has at least 2 vertices (input, output) and"
                            + " 1 edge.");
        }
        return new Nb101Space(ops, vertices, edges);
    }

    /**
     * The pruned form of {@code spec} if it lies in this space.
     *
     * @throws InvalidSpecException when an op is not in the space, no path joins the input to the
     *     output, or the pruned cell has too many vertices or edges
     */
    public Nb101Spec check(Nb101Spec spec) {
        List<String> ops = spec.ops();
        for (int v = 1; v < ops.size() - 1; v++) {
            if (!availableOps.contains(ops.get(v))) {
                throw new InvalidSpecException(
                        "Vertex "
                                + v
                                + " has op '"
                                + ops.get(v)
                                + "', which is not in the space; valid: "
                                + String.join(", ", availableOps)
                                + ".");
            }
        }
        Nb101Spec pruned = spec.pruned();
        if (pruned.vertices() > maxVertices) {
            throw new InvalidSpecException(
                    "The cell has "
                            + pruned.vertices()
                            + " vertices after pruning; the space allows at most "
                            + maxVertices
                            + " (input and output included).");
        }
        if (pruned.edgeCount() > maxEdges) {
            throw new InvalidSpecException(
                    "The cell has "
                            + pruned.edgeCount()
                            + " edges after pruning; the space allows at most "
                            + maxEdges
                            + ".");
        }
        return pruned;
    }

    /**
     * A random cell as the benchmark's generator draws one: every entry above the diagonal of a
     * {@code maxVertices x maxVertices} matrix is 1 with probability 1/2 and every inner op is
     * uniform over the available ops; a draw outside the space is rejected and drawn again. Uniform
     * over the valid (matrix, ops) pairs, not over the unique (isomorphism-free) cells.
     *
     * @return the pruned cell
     */
    public Nb101Spec sample(Random random) {
        int n = maxVertices;
        while (true) {
            int[][] m = new int[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    m[i][j] = random.nextBoolean() ? 1 : 0;
                }
            }
            List<String> ops = new ArrayList<>();
            ops.add(Nb101Spec.INPUT);
            for (int v = 1; v < n - 1; v++) {
                ops.add(availableOps.get(random.nextInt(availableOps.size())));
            }
            ops.add(Nb101Spec.OUTPUT);
            try {
                return check(Nb101Spec.of(m, ops));
            } catch (InvalidSpecException rejected) {
                // outside the space: draw again, as the benchmark's generator does
            }
        }
    }
}
