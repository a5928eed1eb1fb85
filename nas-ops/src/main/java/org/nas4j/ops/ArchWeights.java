package org.nas4j.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.NodeDesc;

/**
 * Moves architecture weights between a network's {@link ArchParams} and a model description's
 * {@code trainables}, so a saved search desc carries the weights it was searched with.
 *
 * <p>Keys follow one convention: the op on edge {@code j} of node {@code i} in a cell whose weights
 * come from cell {@code t} owns the keys {@code "cell<t>.node<i>.edge<j>.<name>"}; the part after
 * the edge key is the trainable's name in the desc (for a DARTS mixed op, {@code alphas}).
 */
public final class ArchWeights {
    private ArchWeights() {}

    /** The architecture-weight key prefix of one edge position. */
    public static String edgeKey(int trainablesFrom, int node, int edge) {
        return "cell" + trainablesFrom + ".node" + node + ".edge" + edge;
    }

    /** A copy of {@code desc} whose edge ops carry the current values of {@code archParams}. */
    public static ModelDesc withTrainables(ModelDesc desc, ArchParams archParams) {
        List<CellDesc> cells = new ArrayList<>();
        for (CellDesc cell : desc.cells()) {
            List<NodeDesc> nodes = new ArrayList<>();
            for (int i = 0; i < cell.nodes().size(); i++) {
                NodeDesc node = cell.nodes().get(i);
                List<EdgeDesc> edges = new ArrayList<>();
                for (int j = 0; j < node.edges().size(); j++) {
                    EdgeDesc edge = node.edges().get(j);
                    Map<String, List<Double>> values =
                            valuesUnder(archParams, edgeKey(cell.trainablesFrom(), i, j) + ".");
                    edges.add(
                            values.isEmpty()
                                    ? edge
                                    : edge.withOp(edge.op().withTrainables(values)));
                }
                nodes.add(node.withEdges(edges));
            }
            cells.add(cell.withNodes(nodes));
        }
        return desc.withCells(cells);
    }

    /**
     * Sets {@code archParams} (already initialised) from the trainables saved in {@code desc}.
     *
     * @throws NasException if a saved trainable has a different size than its parameter
     */
    public static void loadFrom(ModelDesc desc, ArchParams archParams) {
        for (CellDesc cell : desc.cells()) {
            for (int i = 0; i < cell.nodes().size(); i++) {
                List<EdgeDesc> edges = cell.nodes().get(i).edges();
                for (int j = 0; j < edges.size(); j++) {
                    String prefix = edgeKey(cell.trainablesFrom(), i, j) + ".";
                    for (Map.Entry<String, List<Double>> t :
                            edges.get(j).op().trainables().entrySet()) {
                        Parameter p = archParams.get(prefix + t.getKey());
                        if (p != null) {
                            set(p, t.getValue(), prefix + t.getKey());
                        }
                    }
                }
            }
        }
    }

    private static void set(Parameter p, List<Double> values, String key) {
        NDArray array = p.getArray();
        if (array.size() != values.size()) {
            throw new NasException(
                    "Saved architecture weights '"
                            + key
                            + "' have "
                            + values.size()
                            + " values but the network's have "
                            + array.size()
                            + "; the desc does not match the network.");
        }
        float[] data = new float[values.size()];
        for (int k = 0; k < data.length; k++) {
            data[k] = values.get(k).floatValue();
        }
        array.set(data);
    }

    private static Map<String, List<Double>> valuesUnder(ArchParams archParams, String prefix) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : archParams.asMap().entrySet()) {
            if (e.getKey().startsWith(prefix) && e.getValue().isInitialized()) {
                float[] v = e.getValue().getArray().toFloatArray();
                List<Double> list = new ArrayList<>(v.length);
                for (float f : v) {
                    list.add((double) f);
                }
                out.put(e.getKey().substring(prefix.length()), list);
            }
        }
        return out;
    }
}
