package org.nas4j.core.desc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nas4j.core.DescFormatException;
import org.nas4j.core.io.AtomicFiles;
import org.nas4j.core.io.Json;
import org.nas4j.core.io.TextFiles;

/**
 * Saves and loads a {@link ModelDesc} as a versioned JSON document.
 *
 * <p>The document is {@code {"format": "nas4j.model_desc", "version": 1, "model": {...}}} with
 * snake_case field names. The mapping is written out by hand (no reflection) so that the file
 * format is owned here and stays stable when the records change. Ops carry {@code name}, {@code
 * ch_in}, {@code ch_out}, {@code stride}, {@code affine}, {@code in_len} and, when not empty,
 * {@code params}, {@code children}, {@code children_ins} and {@code trainables}.
 *
 * <p>Loading refuses anything malformed with a {@link DescFormatException} naming the source and
 * the JSON path, then runs {@link DescValidator}; a desc is never half-loaded. Op names are not
 * checked here: the op registry (nas-ops) does that when the network is built.
 *
 * <pre>{@code
 * Path file = ExperimentDir.of(expDir).search().finalDesc(); // search/final_model_desc.json
 * DescJson.save(finalDesc, file);
 * ModelDesc again = DescJson.load(file);
 * }</pre>
 */
public final class DescJson {
    /** Versions of the document this code reads. */
    public static final List<Integer> SUPPORTED_VERSIONS = List.of(1);

    private DescJson() {}

    /** The desc as a pretty-printed JSON document of the current version. */
    public static String toJson(ModelDesc desc) {
        JsonObject doc = new JsonObject();
        doc.addProperty("format", ModelDesc.FORMAT);
        doc.addProperty("version", ModelDesc.VERSION);
        doc.add("model", model(desc));
        return Json.toJson(doc);
    }

    /**
     * Parses and validates a JSON document.
     *
     * @param json the document text
     * @param sourceName where it came from (a file name), used in error messages
     * @throws DescFormatException when the document is not a valid model desc
     */
    public static ModelDesc fromJson(String json, String sourceName) {
        ModelDesc desc = new DescJsonReader(sourceName).read(json);
        DescValidator.validate(desc, sourceName);
        return desc;
    }

    /** Writes the desc to {@code file} atomically (temp file + rename), creating directories. */
    public static void save(ModelDesc desc, Path file) {
        AtomicFiles.writeString(file, toJson(desc) + "\n");
    }

    /**
     * Reads and validates the desc in {@code file}.
     *
     * @throws DescFormatException when the file is not a valid model desc
     * @throws org.nas4j.core.NasException when it is not a regular file or larger than {@link
     *     TextFiles#MAX_BYTES}
     * @throws UncheckedIOException when the file cannot be read
     */
    public static ModelDesc load(Path file) {
        String text = TextFiles.read(file, "model desc");
        Path name = file.getFileName();
        return fromJson(text, name == null ? file.toString() : name.toString());
    }

    private static JsonObject model(ModelDesc d) {
        JsonObject o = new JsonObject();
        o.add("input_shape", ints(d.inputShape()));
        o.addProperty("n_classes", d.nClasses());
        JsonArray stems = new JsonArray();
        d.modelStems().forEach(s -> stems.add(op(s)));
        o.add("model_stems", stems);
        JsonArray cells = new JsonArray();
        d.cells().forEach(c -> cells.add(cell(c)));
        o.add("cells", cells);
        JsonArray aux = new JsonArray();
        for (AuxTowerDesc a : d.auxTowers()) {
            aux.add(a == null ? JsonNull.INSTANCE : auxTower(a));
        }
        o.add("aux_towers", aux);
        o.add("pool_op", op(d.poolOp()));
        o.add("logits_op", op(d.logitsOp()));
        if (!d.params().isEmpty()) {
            o.add("params", params(d.params()));
        }
        return o;
    }

    private static JsonObject cell(CellDesc c) {
        JsonObject o = new JsonObject();
        o.addProperty("id", c.id());
        o.addProperty("cell_type", c.isReduction() ? "reduction" : "regular");
        o.addProperty("ch_in", c.conv().chIn());
        o.addProperty("ch_out", c.conv().chOut());
        o.add("stem0", op(c.stem0()));
        o.add("stem1", op(c.stem1()));
        JsonArray nodes = new JsonArray();
        for (NodeDesc n : c.nodes()) {
            JsonObject no = new JsonObject();
            no.addProperty("ch_in", n.conv().chIn());
            no.addProperty("ch_out", n.conv().chOut());
            JsonArray edges = new JsonArray();
            for (EdgeDesc e : n.edges()) {
                JsonObject eo = new JsonObject();
                eo.add("op", op(e.op()));
                eo.add("input_ids", ints(e.inputIds()));
                edges.add(eo);
            }
            no.add("edges", edges);
            nodes.add(no);
        }
        o.add("nodes", nodes);
        o.add("node_channels", ints(c.nodeChannels()));
        o.add("post_op", op(c.postOp()));
        o.addProperty("out_channels", c.outChannels());
        o.addProperty("trainables_from", c.trainablesFrom());
        return o;
    }

    private static JsonObject auxTower(AuxTowerDesc a) {
        JsonObject o = new JsonObject();
        o.addProperty("ch_in", a.chIn());
        o.addProperty("n_classes", a.nClasses());
        o.addProperty("stride", a.stride());
        return o;
    }

    private static JsonObject op(OpDesc op) {
        JsonObject o = new JsonObject();
        o.addProperty("name", op.name());
        o.addProperty("ch_in", op.conv().chIn());
        o.addProperty("ch_out", op.conv().chOut());
        o.addProperty("stride", op.stride());
        o.addProperty("affine", op.affine());
        o.addProperty("in_len", op.inLen());
        if (!op.params().isEmpty()) {
            o.add("params", params(op.params()));
        }
        if (!op.children().isEmpty()) {
            JsonArray children = new JsonArray();
            op.children().forEach(ch -> children.add(op(ch)));
            o.add("children", children);
        }
        if (!op.childrenIns().isEmpty()) {
            JsonArray ins = new JsonArray();
            op.childrenIns().forEach(l -> ins.add(ints(l)));
            o.add("children_ins", ins);
        }
        if (!op.trainables().isEmpty()) {
            JsonObject t = new JsonObject();
            op.trainables()
                    .forEach(
                            (k, v) -> {
                                JsonArray a = new JsonArray();
                                v.forEach(a::add);
                                t.add(k, a);
                            });
            o.add("trainables", t);
        }
        return o;
    }

    private static JsonObject params(Map<String, Object> params) {
        JsonObject o = new JsonObject();
        params.forEach((k, v) -> o.add(k, value(v)));
        return o;
    }

    private static JsonElement value(Object v) {
        if (v instanceof List<?> l) {
            JsonArray a = new JsonArray();
            l.forEach(x -> a.add(value(x)));
            return a;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            // integral values read better without ".0"; they load back as the same double
            if (d == Math.rint(d) && Math.abs(d) < 0x1p53 && !isNegativeZero(d)) {
                return new JsonPrimitive((long) d);
            }
            return new JsonPrimitive(d);
        }
        if (v instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        return new JsonPrimitive(v.toString());
    }

    private static boolean isNegativeZero(double d) {
        return Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(-0.0);
    }

    private static JsonArray ints(List<Integer> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
