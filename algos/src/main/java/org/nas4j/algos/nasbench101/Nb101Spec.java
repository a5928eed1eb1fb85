package org.nas4j.algos.nasbench101;

import java.util.ArrayList;
import java.util.List;

/**
 * A NAS-Bench-101 cell in the benchmark's spec format: an upper-triangular 0/1 adjacency matrix
 * over the vertices (vertex 0 the cell input, the last the cell output) and one op label per vertex
 * ({@code input}, the inner ops, {@code output}).
 *
 * <p>Immutable. {@link #of} checks the form only (square, upper triangular, 0/1, labels at both
 * ends); {@link #pruned()} removes the vertices on no path from input to output, as the benchmark's
 * {@code ModelSpec} does; {@link Nb101Space#check} adds the limits of the space.
 *
 * <pre>{@code
 * Nb101Spec spec = Nb101Spec.parse("[[0,1,1],[0,0,1],[0,0,0]]", "[input,conv3x3-bn-relu,output]");
 * }</pre>
 */
public final class Nb101Spec {
    /** Label of the first vertex. */
    public static final String INPUT = "input";

    /** Label of the last vertex. */
    public static final String OUTPUT = "output";

    private final int[][] matrix;
    private final List<String> ops;

    private Nb101Spec(int[][] matrix, List<String> ops) {
        this.matrix = matrix;
        this.ops = List.copyOf(ops);
    }

    /**
     * A spec from its matrix and ops.
     *
     * @throws InvalidSpecException unless the matrix is square, upper triangular with a zero
     *     diagonal, holds only 0 and 1, has one op per row, and the ops start with {@code input}
     *     and end with {@code output}
     */
    public static Nb101Spec of(int[][] matrix, List<String> ops) {
        int n = matrix.length;
        if (n < 2) {
            throw new InvalidSpecException(
                    "The matrix has " + n + " rows; a cell has at least an input and an output.");
        }
        int[][] copy = new int[n][];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new InvalidSpecException(
                        "The matrix is not square: row "
                                + i
                                + " has "
                                + matrix[i].length
                                + " entries, the matrix "
                                + n
                                + " rows.");
            }
            for (int j = 0; j < n; j++) {
                int v = matrix[i][j];
                if (v != 0 && v != 1) {
                    throw new InvalidSpecException(
                            "matrix[" + i + "][" + j + "] = " + v + "; entries are 0 or 1.");
                }
                if (v == 1 && j <= i) {
                    throw new InvalidSpecException(
                            "matrix["
                                    + i
                                    + "]["
                                    + j
                                    + "] = 1 is on or below the diagonal; the matrix must be"
                                    + " upper triangular (an edge goes from a vertex to a later"
                                    + " one).");
                }
            }
            copy[i] = matrix[i].clone();
        }
        if (ops.size() != n) {
            throw new InvalidSpecException(
                    "The ops list has "
                            + ops.size()
                            + " labels but the matrix "
                            + n
                            + " vertices; give one label per vertex.");
        }
        if (!INPUT.equals(ops.get(0)) || !OUTPUT.equals(ops.get(n - 1))) {
            throw new InvalidSpecException(
                    "The ops list "
                            + ops
                            + " must start with '"
                            + INPUT
                            + "' and end with '"
                            + OUTPUT
                            + "'.");
        }
        return new Nb101Spec(copy, ops);
    }

    /** A spec from its matrix and ops as text: {@code [[0,1],[0,0]]} and {@code [input,output]}. */
    public static Nb101Spec parse(String matrixText, String opsText) {
        return of(SpecText.matrix(matrixText), SpecText.ops(opsText));
    }

    /** Number of vertices, input and output included. */
    public int vertices() {
        return matrix.length;
    }

    /** Whether there is an edge from vertex {@code from} to vertex {@code to}. */
    public boolean edge(int from, int to) {
        return matrix[from][to] == 1;
    }

    /** Number of edges. */
    public int edgeCount() {
        int e = 0;
        for (int[] row : matrix) {
            for (int v : row) {
                e += v;
            }
        }
        return e;
    }

    /** The op labels, {@code input} first and {@code output} last. */
    public List<String> ops() {
        return ops;
    }

    /** The matrix as rows of 0 and 1. */
    public List<List<Integer>> matrix() {
        List<List<Integer>> rows = new ArrayList<>();
        for (int[] row : matrix) {
            rows.add(java.util.Arrays.stream(row).boxed().toList());
        }
        return List.copyOf(rows);
    }

    /**
     * The spec without the vertices that lie on no path from the input to the output (and their
     * edges), vertices renumbered in order, as the benchmark's {@code ModelSpec._prune}.
     *
     * @throws InvalidSpecException when no path joins the input to the output
     */
    public Nb101Spec pruned() {
        int n = matrix.length;
        boolean[] fromInput = new boolean[n];
        fromInput[0] = true;
        for (int v = 1; v < n; v++) {
            for (int u = 0; u < v && !fromInput[v]; u++) {
                fromInput[v] = fromInput[u] && matrix[u][v] == 1;
            }
        }
        boolean[] toOutput = new boolean[n];
        toOutput[n - 1] = true;
        for (int v = n - 2; v >= 0; v--) {
            for (int w = v + 1; w < n && !toOutput[v]; w++) {
                toOutput[v] = toOutput[w] && matrix[v][w] == 1;
            }
        }
        if (!fromInput[n - 1]) {
            throw new InvalidSpecException(
                    "No path joins the input to the output in "
                            + this
                            + "; the graph is disconnected.");
        }
        List<Integer> keep = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            if (fromInput[v] && toOutput[v]) {
                keep.add(v);
            }
        }
        int[][] m = new int[keep.size()][keep.size()];
        List<String> o = new ArrayList<>();
        for (int i = 0; i < keep.size(); i++) {
            o.add(ops.get(keep.get(i)));
            for (int j = 0; j < keep.size(); j++) {
                m[i][j] = matrix[keep.get(i)][keep.get(j)];
            }
        }
        return new Nb101Spec(m, o);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Nb101Spec s
                && java.util.Arrays.deepEquals(matrix, s.matrix)
                && ops.equals(s.ops);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.deepHashCode(matrix) + ops.hashCode();
    }

    /** {@code matrix=[[0, 1], [0, 0]], ops=[input, output]}, the form {@link #parse} reads. */
    @Override
    public String toString() {
        return "matrix=" + matrix() + ", ops=" + ops;
    }
}
