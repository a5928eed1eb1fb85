package org.nas4j.core.desc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.io.Json;

/**
 * Reads the JSON document of {@link DescJson} into records, refusing anything malformed with the
 * JSON path of the bad value. Structural checks only; {@link DescValidator} checks meaning.
 */
final class DescJsonReader {
    private static final Set<String> DOC_KEYS = Set.of("format", "version", "model");
    private static final Set<String> MODEL_KEYS =
            Set.of(
                    "input_shape",
                    "n_classes",
                    "model_stems",
                    "cells",
                    "aux_towers",
                    "pool_op",
                    "logits_op",
                    "params");
    private static final Set<String> CELL_KEYS =
            Set.of(
                    "id",
                    "cell_type",
                    "ch_in",
                    "ch_out",
                    "stem0",
                    "stem1",
                    "nodes",
                    "node_channels",
                    "post_op",
                    "out_channels",
                    "trainables_from");
    private static final Set<String> NODE_KEYS = Set.of("ch_in", "ch_out", "edges");
    private static final Set<String> EDGE_KEYS = Set.of("op", "input_ids");
    private static final Set<String> AUX_KEYS = Set.of("ch_in", "n_classes", "stride");
    private static final Set<String> OP_KEYS =
            Set.of(
                    "name",
                    "ch_in",
                    "ch_out",
                    "stride",
                    "affine",
                    "in_len",
                    "params",
                    "children",
                    "children_ins",
                    "trainables");

    private final JsonFields f;

    DescJsonReader(String source) {
        this.f = new JsonFields(source);
    }

    ModelDesc read(String json) {
        String deep = Json.tooDeep(json, f.source());
        if (deep != null) {
            throw new DescFormatException(deep);
        }
        JsonElement root;
        try {
            root = Json.gson().fromJson(json, JsonElement.class);
        } catch (JsonParseException e) {
            throw new DescFormatException(
                    f.source() + " is not valid JSON: " + e.getMessage() + ".", e);
        }
        if (root == null) {
            throw new DescFormatException(
                    f.source() + " is empty; expected a nas4j model desc JSON document.");
        }
        JsonObject doc = f.object(root, "$");
        String format = f.string(doc, "$", "format");
        if (!ModelDesc.FORMAT.equals(format)) {
            throw f.fail(
                    "$.format",
                    "= \""
                            + format
                            + "\" is not \""
                            + ModelDesc.FORMAT
                            + "\"; this file is not a nas4j model desc.");
        }
        int version = f.integer(doc, "$", "version", Integer.MIN_VALUE);
        if (!DescJson.SUPPORTED_VERSIONS.contains(version)) {
            throw f.fail(
                    "$.version",
                    "= "
                            + version
                            + " is not supported by this nas4j; supported versions: "
                            + DescJson.SUPPORTED_VERSIONS.stream()
                                    .map(String::valueOf)
                                    .collect(Collectors.joining(", "))
                            + (version > ModelDesc.VERSION
                                    ? " (the file was written by a newer nas4j)."
                                    : "."));
        }
        f.checkKeys(doc, "$", DOC_KEYS);
        return model(f.object(f.get(doc, "$", "model"), "$.model"), "$.model");
    }

    private ModelDesc model(JsonObject o, String path) {
        f.checkKeys(o, path, MODEL_KEYS);
        List<Integer> inputShape = f.intList(o, path, "input_shape", 1);
        int nClasses = f.integer(o, path, "n_classes", 1);
        List<OpDesc> stems = new ArrayList<>();
        JsonArray stemArr = f.array(o, path, "model_stems");
        for (int i = 0; i < stemArr.size(); i++) {
            String p = path + ".model_stems[" + i + "]";
            stems.add(op(f.object(stemArr.get(i), p), p));
        }
        List<CellDesc> cells = new ArrayList<>();
        JsonArray cellArr = f.array(o, path, "cells");
        for (int i = 0; i < cellArr.size(); i++) {
            String p = path + ".cells[" + i + "]";
            cells.add(cell(f.object(cellArr.get(i), p), p));
        }
        List<AuxTowerDesc> aux = new ArrayList<>();
        JsonArray auxArr = f.array(o, path, "aux_towers");
        for (int i = 0; i < auxArr.size(); i++) {
            String p = path + ".aux_towers[" + i + "]";
            JsonElement e = auxArr.get(i);
            aux.add(e.isJsonNull() ? null : auxTower(f.object(e, p), p));
        }
        String poolPath = path + ".pool_op";
        String logitsPath = path + ".logits_op";
        OpDesc pool = op(f.object(f.get(o, path, "pool_op"), poolPath), poolPath);
        OpDesc logits = op(f.object(f.get(o, path, "logits_op"), logitsPath), logitsPath);
        Map<String, Object> params = f.optParams(o, path, "params");
        return new ModelDesc(stems, cells, aux, pool, logits, nClasses, inputShape, params);
    }

    private CellDesc cell(JsonObject o, String path) {
        f.checkKeys(o, path, CELL_KEYS);
        int id = f.integer(o, path, "id", 0);
        String type = f.string(o, path, "cell_type");
        CellType cellType;
        if ("regular".equals(type)) {
            cellType = CellType.REGULAR;
        } else if ("reduction".equals(type)) {
            cellType = CellType.REDUCTION;
        } else {
            throw f.fail(
                    path + ".cell_type",
                    "= \"" + type + "\" is not a cell type; valid: \"regular\", \"reduction\".");
        }
        ConvMacroParams conv = conv(o, path);
        OpDesc stem0 = op(f.object(f.get(o, path, "stem0"), path + ".stem0"), path + ".stem0");
        OpDesc stem1 = op(f.object(f.get(o, path, "stem1"), path + ".stem1"), path + ".stem1");
        List<NodeDesc> nodes = new ArrayList<>();
        JsonArray nodeArr = f.array(o, path, "nodes");
        for (int i = 0; i < nodeArr.size(); i++) {
            String p = path + ".nodes[" + i + "]";
            nodes.add(node(f.object(nodeArr.get(i), p), p));
        }
        List<Integer> nodeChannels = f.intList(o, path, "node_channels", 0);
        String postPath = path + ".post_op";
        OpDesc postOp = op(f.object(f.get(o, path, "post_op"), postPath), postPath);
        int outChannels = f.integer(o, path, "out_channels", 0);
        int trainablesFrom = f.integer(o, path, "trainables_from", 0);
        return new CellDesc(
                id,
                cellType,
                conv,
                stem0,
                stem1,
                nodes,
                nodeChannels,
                postOp,
                outChannels,
                trainablesFrom);
    }

    private NodeDesc node(JsonObject o, String path) {
        f.checkKeys(o, path, NODE_KEYS);
        ConvMacroParams conv = conv(o, path);
        List<EdgeDesc> edges = new ArrayList<>();
        JsonArray arr = f.array(o, path, "edges");
        for (int i = 0; i < arr.size(); i++) {
            String p = path + ".edges[" + i + "]";
            JsonObject eo = f.object(arr.get(i), p);
            f.checkKeys(eo, p, EDGE_KEYS);
            OpDesc op = op(f.object(f.get(eo, p, "op"), p + ".op"), p + ".op");
            edges.add(new EdgeDesc(op, f.intList(eo, p, "input_ids", Integer.MIN_VALUE)));
        }
        return new NodeDesc(edges, conv);
    }

    private AuxTowerDesc auxTower(JsonObject o, String path) {
        f.checkKeys(o, path, AUX_KEYS);
        return new AuxTowerDesc(
                f.integer(o, path, "ch_in", 1),
                f.integer(o, path, "n_classes", 1),
                f.integer(o, path, "stride", 1));
    }

    private OpDesc op(JsonObject o, String path) {
        f.checkKeys(o, path, OP_KEYS);
        String name = f.string(o, path, "name");
        ConvMacroParams conv = conv(o, path);
        int stride = f.integer(o, path, "stride", 1);
        boolean affine = f.bool(o, path, "affine");
        int inLen = f.integer(o, path, "in_len", 0);
        Map<String, Object> params = f.optParams(o, path, "params");
        List<OpDesc> children = new ArrayList<>();
        JsonArray childArr = f.optArray(o, path, "children");
        for (int i = 0; i < childArr.size(); i++) {
            String p = path + ".children[" + i + "]";
            children.add(op(f.object(childArr.get(i), p), p));
        }
        List<List<Integer>> childrenIns = new ArrayList<>();
        JsonArray insArr = f.optArray(o, path, "children_ins");
        for (int i = 0; i < insArr.size(); i++) {
            String p = path + ".children_ins[" + i + "]";
            childrenIns.add(f.intList(f.array(insArr.get(i), p), p, 0));
        }
        Map<String, List<Double>> trainables = new LinkedHashMap<>();
        if (o.has("trainables")) {
            String p = path + ".trainables";
            for (Map.Entry<String, JsonElement> e : f.object(o.get("trainables"), p).entrySet()) {
                String tp = p + "." + e.getKey();
                JsonArray values = f.array(e.getValue(), tp);
                List<Double> ds = new ArrayList<>(values.size());
                for (int i = 0; i < values.size(); i++) {
                    ds.add(f.number(values.get(i), tp + "[" + i + "]"));
                }
                trainables.put(e.getKey(), ds);
            }
        }
        return new OpDesc(
                name, conv, stride, affine, inLen, params, children, childrenIns, trainables);
    }

    private ConvMacroParams conv(JsonObject o, String path) {
        return new ConvMacroParams(f.integer(o, path, "ch_in", 0), f.integer(o, path, "ch_out", 0));
    }
}
