package org.nas4j.cli.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.Softmax;

/**
 * The architecture weights of a search over its epochs, read from {@code alphas.jsonl} (one line
 * per epoch: {@code {"epoch": e, "primitives": [...], "alphas": {"cell0.node0.edge0.alphas":
 * [logits...], ...}}}) and turned into softmax weights, as DARTS reads them.
 *
 * @param primitives op names, in the order of each edge's weights
 * @param edges edge keys in file order
 * @param epochs epoch of each snapshot
 * @param weights {@code weights.get(snapshot).get(edgeKey)}: the softmax over the edge's ops
 */
record AlphaHistory(
        List<String> primitives,
        List<String> edges,
        List<Integer> epochs,
        List<Map<String, double[]>> weights) {

    AlphaHistory {
        primitives = List.copyOf(primitives);
        edges = List.copyOf(edges);
        epochs = List.copyOf(epochs);
        weights = List.copyOf(weights);
    }

    /** Reads {@code file}; a malformed line is an error naming the file and line. */
    static AlphaHistory load(Path file) {
        List<String> primitives = null;
        List<String> edges = new ArrayList<>();
        List<Integer> epochs = new ArrayList<>();
        List<Map<String, double[]>> weights = new ArrayList<>();
        String[] lines = JsonFiles.read(file).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String where = file + " line " + (i + 1);
            JsonObject o = JsonFiles.object(lines[i], where);
            List<String> prims = strings(o.get("primitives"), where);
            if (primitives == null) {
                primitives = prims;
            } else if (!primitives.equals(prims)) {
                throw new NasException(
                        where + " lists primitives " + prims + " but earlier lines " + primitives);
            }
            JsonElement alphas = o.get("alphas");
            if (alphas == null || !alphas.isJsonObject()) {
                throw new NasException(where + " has no \"alphas\" object.");
            }
            Map<String, double[]> snap = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : alphas.getAsJsonObject().entrySet()) {
                if (!isOpWeights(e.getKey())) {
                    continue;
                }
                double[] logits = numbers(e.getValue(), where + ", " + e.getKey());
                if (logits.length != prims.size()) {
                    throw new NasException(
                            where
                                    + ": "
                                    + e.getKey()
                                    + " has "
                                    + logits.length
                                    + " weights for "
                                    + prims.size()
                                    + " primitives.");
                }
                snap.put(e.getKey(), softmax(logits));
                if (!edges.contains(e.getKey())) {
                    edges.add(e.getKey());
                }
            }
            epochs.add((int) JsonFiles.number(o, epochs.size(), "epoch"));
            weights.add(snap);
        }
        if (primitives == null) {
            throw new NasException(file + " holds no architecture-weight snapshot.");
        }
        return new AlphaHistory(primitives, edges, epochs, weights);
    }

    /**
     * Whether {@code key} holds op weights: a key {@code <edge>.alphas} (or an undotted one). Other
     * architecture weights an edge saves beside its alphas (such as a per-edge normalisation
     * weight, {@code <edge>.<name>}) are not weights over the primitives and are not charted.
     */
    static boolean isOpWeights(String key) {
        return key.indexOf('.') < 0 || key.endsWith(".alphas");
    }

    /** Softmax, shifted by the maximum for stability. */
    static double[] softmax(double[] logits) {
        return Softmax.of(logits);
    }

    private static List<String> strings(JsonElement el, String where) {
        if (el == null || !el.isJsonArray()) {
            throw new NasException(where + " has no \"primitives\" array.");
        }
        List<String> out = new ArrayList<>();
        for (JsonElement e : el.getAsJsonArray()) {
            out.add(e.getAsString());
        }
        return out;
    }

    private static double[] numbers(JsonElement el, String where) {
        if (!el.isJsonArray()) {
            throw new NasException(where + " is not an array of numbers.");
        }
        JsonArray a = el.getAsJsonArray();
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonElement v = a.get(i);
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
                throw new NasException(where + "[" + i + "] is not a number.");
            }
            out[i] = v.getAsDouble();
        }
        return out;
    }
}
