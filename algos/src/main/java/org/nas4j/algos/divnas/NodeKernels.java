package org.nas4j.algos.divnas;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nas4j.core.NasException;
import org.nas4j.ops.net.CellBlock;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.train.data.BatchStream;
import org.nas4j.train.data.HostBatch;

/**
 * The RBF-kernel "covariance" between the candidates entering each node of a trained divnas
 * supernet, averaged over the samples of a few training batches: for candidates {@code u, v}
 * ((edge, primitive) pairs, {@code none} excluded) {@code K[u][v] = mean_x exp(-||o_u(x) -
 * o_v(x)||^2 / (2 sigma^2))}, where {@code o_u(x)} is that primitive's output for sample {@code x},
 * flattened. The pass runs in inference mode without gradients; each batch's activations are
 * reduced to the node's {@code n x n} matrix and freed before the next batch.
 */
public final class NodeKernels {
    /** One node's kernel: candidate keys ({@code edge * KEY_STRIDE + primitive}) and the mean. */
    public record Kernel(List<Integer> keys, double[][] mean) {}

    /** Multiplier of the edge index in a candidate key. */
    public static final int KEY_STRIDE = 1000;

    private static final Pattern EDGE_NAME = Pattern.compile("node(\\d+)_edge(\\d+)$");

    private final double sigma;
    private final Map<String, List<Integer>> keys = new HashMap<>();
    private final Map<String, double[][]> sums = new HashMap<>();
    private final Map<String, Long> counts = new HashMap<>();

    /** Kernels of bandwidth {@code sigma} (Archai: 168). */
    public NodeKernels(double sigma) {
        this.sigma = sigma;
    }

    /** The key of node {@code node} in cell {@code cellId}. */
    public static String nodeKey(int cellId, int node) {
        return cellId + ":" + node;
    }

    /** The averaged kernel of a node, or null when none of its edges was recorded. */
    public Kernel kernel(String nodeKey) {
        double[][] s = sums.get(nodeKey);
        if (s == null) {
            return null;
        }
        double n = counts.get(nodeKey);
        double[][] mean = new double[s.length][s.length];
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                mean[i][j] = (s[i][j] + s[j][i]) / (2 * n); // float32 rounding breaks symmetry
            }
        }
        return new Kernel(keys.get(nodeKey), mean);
    }

    /** Runs {@code batches} batches of epoch 0 of {@code data} through {@code model}. */
    public void collect(ModelBlock model, BatchStream data, int batches, NDManager root) {
        Map<String, TreeMap<Integer, NDArray>> pass = new HashMap<>();
        List<DivnasOp> ops = new ArrayList<>();
        for (CellBlock cell : model.cells()) {
            for (Pair<String, Block> child : cell.getChildren()) {
                if (child.getValue() instanceof DivnasOp op) {
                    // CellBlock names edges node<i>_edge<j>; DJL prefixes the child's index
                    Matcher name = EDGE_NAME.matcher(child.getKey());
                    if (!name.find()) {
                        throw new NasException(
                                "A divnas_op is a child '"
                                        + child.getKey()
                                        + "' of a cell, not"
                                        + " an edge named node<i>_edge<j>.");
                    }
                    int node = Integer.parseInt(name.group(1));
                    int edge = Integer.parseInt(name.group(2));
                    String key = nodeKey(cell.desc().id(), node);
                    op.setRecorder(
                            (p, out) ->
                                    pass.computeIfAbsent(key, k -> new TreeMap<>())
                                            .put(edge * KEY_STRIDE + p, flatten(out)));
                    ops.add(op);
                }
            }
        }
        Iterator<HostBatch> it = data.epoch(0);
        try {
            for (int b = 0; b < batches && it.hasNext(); b++) {
                HostBatch hb = it.next();
                try (NDManager m = root.newSubManager()) {
                    NDArray x = m.create(hb.images(), new Shape(hb.n(), hb.c(), hb.h(), hb.w()));
                    model.forward(new ParameterStore(m, false), new NDList(x), false);
                    pass.forEach(this::add);
                    pass.clear();
                }
            }
        } finally {
            pass.clear();
            ops.forEach(op -> op.setRecorder(null));
            if (it instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new NasException("Could not close the training batches: " + e, e);
                }
            }
        }
    }

    private static NDArray flatten(NDArray out) {
        return out.reshape(out.getShape().get(0), -1);
    }

    /** Adds one batch's per-sample kernels of a node's candidates. */
    void add(String nodeKey, TreeMap<Integer, NDArray> candidates) {
        List<Integer> ks = new ArrayList<>(candidates.keySet());
        List<Integer> known = keys.putIfAbsent(nodeKey, ks);
        if (known != null && !known.equals(ks)) {
            throw new NasException(
                    "Node " + nodeKey + " recorded candidates " + ks + " after " + known + ".");
        }
        NDArray f = NDArrays.stack(new NDList(candidates.values()), 1); // [B, n, D]
        NDArray sq = f.square().sum(new int[] {2}); // [B, n]
        NDArray gram = f.batchMatMul(f.transpose(0, 2, 1)); // [B, n, n]
        NDArray d = sq.expandDims(2).add(sq.expandDims(1)).sub(gram.mul(2)).maximum(0);
        NDArray k = d.div(-2 * sigma * sigma).exp().sum(new int[] {0});
        double[] host = k.toType(DataType.FLOAT64, false).toDoubleArray();
        int n = ks.size();
        double[][] s = sums.computeIfAbsent(nodeKey, key -> new double[n][n]);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] += host[i * n + j];
            }
        }
        counts.merge(nodeKey, f.getShape().get(0), Long::sum);
    }
}
