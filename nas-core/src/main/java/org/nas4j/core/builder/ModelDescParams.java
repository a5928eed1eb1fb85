package org.nas4j.core.builder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.nas4j.core.ConfException;

/**
 * The values of a {@code nas.<phase>.model_desc} conf section that {@link ModelDescBuilder} reads.
 *
 * <p>Keys the builder does not know (for instance {@code primitives} of DARTS) are kept in {@code
 * extra} for algorithm builders. Built from the section as plain maps and lists by {@link
 * #fromMap(Map, String)}, which names the full key of anything missing or ill-typed.
 *
 * @param nCells number of cells
 * @param nReductions number of reduction cells
 * @param initNodeCh node channels of the first cells
 * @param stemMultiplier model stems output {@code initNodeCh * stemMultiplier} channels
 * @param nNodes intermediate nodes per cell
 * @param outNodes last nodes the cell post op merges
 * @param modelStem0Op op name of the stem producing the first input of cell 0
 * @param modelStem1Op op name of the stem producing the second input of cell 0
 * @param cellPostOp {@code concate_channels} or {@code proj_channels}
 * @param modelPostOp op name of the pooling before the classifier
 * @param logitsOp op name of the classifier
 * @param auxWeight weight of the aux tower loss; an aux tower is built when it is positive
 * @param nClasses number of classes ({@code dataset.n_classes})
 * @param channels input channels ({@code dataset.channels})
 * @param imgSize input height and width ({@code dataset.img_size})
 * @param extra every other key of the section, unmodifiable
 */
public record ModelDescParams(
        int nCells,
        int nReductions,
        int initNodeCh,
        int stemMultiplier,
        int nNodes,
        int outNodes,
        String modelStem0Op,
        String modelStem1Op,
        String cellPostOp,
        String modelPostOp,
        String logitsOp,
        double auxWeight,
        int nClasses,
        int channels,
        int imgSize,
        Map<String, Object> extra) {

    private static final Set<String> KNOWN =
            Set.of(
                    "dataset",
                    "n_cells",
                    "n_reductions",
                    "init_node_ch",
                    "stem_multiplier",
                    "n_nodes",
                    "out_nodes",
                    "model_stem0_op",
                    "model_stem1_op",
                    "cell_post_op",
                    "model_post_op",
                    "logits_op",
                    "aux_weight");

    public ModelDescParams {
        Objects.requireNonNull(modelStem0Op, "modelStem0Op");
        Objects.requireNonNull(modelStem1Op, "modelStem1Op");
        Objects.requireNonNull(cellPostOp, "cellPostOp");
        Objects.requireNonNull(modelPostOp, "modelPostOp");
        Objects.requireNonNull(logitsOp, "logitsOp");
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** Reads the section, naming keys as {@code model_desc.<key>} in errors. */
    public static ModelDescParams fromMap(Map<String, Object> modelDescMap) {
        return fromMap(modelDescMap, null);
    }

    /**
     * Reads the {@code nas.<phase>.model_desc} section given as plain maps and lists.
     *
     * @param modelDescMap the section; {@code dataset} is a nested map with {@code n_classes},
     *     {@code channels} and {@code img_size}
     * @param phase {@code search} or {@code eval}, used only to name keys in errors (may be null)
     * @throws ConfException naming the full key of a missing, ill-typed or out-of-range value
     */
    public static ModelDescParams fromMap(Map<String, Object> modelDescMap, String phase) {
        String prefix = phase == null ? "model_desc." : "nas." + phase + ".model_desc.";
        MapReader r = new MapReader(modelDescMap, prefix);
        MapReader ds = r.child("dataset");
        int nCells = r.integer("n_cells", 1);
        int nReductions = r.integer("n_reductions", 0);
        if (nReductions > nCells) {
            throw new ConfException(
                    prefix + "n_reductions = " + nReductions + " exceeds " + prefix
                            + "n_cells = " + nCells + "; valid: 0.." + nCells + ".");
        }
        int nNodes = r.integer("n_nodes", 1);
        int outNodes = r.integer("out_nodes", 1);
        if (outNodes > nNodes) {
            throw new ConfException(
                    prefix + "out_nodes = " + outNodes + " exceeds " + prefix + "n_nodes = "
                            + nNodes + "; the post op merges some of the last nodes (valid: 1.."
                            + nNodes + ").");
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        modelDescMap.forEach(
                (k, v) -> {
                    if (!KNOWN.contains(k)) {
                        extra.put(k, v);
                    }
                });
        return new ModelDescParams(
                nCells,
                nReductions,
                r.integer("init_node_ch", 1),
                r.integer("stem_multiplier", 1),
                nNodes,
                outNodes,
                r.string("model_stem0_op"),
                r.string("model_stem1_op"),
                r.string("cell_post_op"),
                r.string("model_post_op"),
                r.string("logits_op"),
                r.number("aux_weight", 0.0),
                ds.integer("n_classes", 1),
                ds.integer("channels", 1),
                ds.integer("img_size", 1),
                extra);
    }

    /** An algorithm-specific list of strings from {@code extra}, such as {@code primitives}. */
    public List<String> extraStringList(String key, String phase) {
        String full = (phase == null ? "model_desc." : "nas." + phase + ".model_desc.") + key;
        Object v = extra.get(key);
        if (!(v instanceof List<?> l) || l.stream().anyMatch(x -> !(x instanceof String))) {
            throw new ConfException(
                    full
                            + (v == null ? " is missing" : " = " + v + " is not a list of strings")
                            + "; expected a list of strings such as ['sep_conv_3x3', 'none'].");
        }
        return l.stream().map(String.class::cast).toList();
    }

    /** A copy with another number of cells (model scaling in evaluation, tests). */
    public ModelDescParams withNCells(int newNCells) {
        return new ModelDescParams(
                newNCells, nReductions, initNodeCh, stemMultiplier, nNodes, outNodes,
                modelStem0Op, modelStem1Op, cellPostOp, modelPostOp, logitsOp, auxWeight,
                nClasses, channels, imgSize, extra);
    }
}
