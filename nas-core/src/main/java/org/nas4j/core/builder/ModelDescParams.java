package org.nas4j.core.builder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.conf.ReadingMap;

/**
 * The values of a {@code nas.<phase>.model_desc} conf section that {@link ModelDescBuilder} reads.
 *
 * <p>Keys the builder does not know (for instance {@code primitives} of DARTS) are kept in {@code
 * extra} for algorithm builders. Built from the conf section by {@link #fromConf(Conf)}, which
 * names the full key and file of anything missing or ill-typed.
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
        if (extra == null) {
            extra = Map.of();
        } else if (!(extra instanceof ReadingMap)) {
            extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        }
    }

    /**
     * Reads a {@code nas.<phase>.model_desc} section; its {@code dataset} sub-section gives {@code
     * n_classes}, {@code channels} and {@code img_size}. Keys the builder does not know go to
     * {@code extra}, where reading one (as {@link #extraStringList} does) counts as reading it.
     *
     * @throws ConfException naming the full key and file of a missing, ill-typed or out-of-range
     *     value, or of keys whose channels grow past {@link #MAX_CHANNELS} together ({@link
     *     NetworkBounds})
     */
    public static ModelDescParams fromConf(Conf section) {
        Conf ds = section.child("dataset");
        int nCells = within(section, "n_cells", 1, MAX_CELLS);
        int nReductions = atLeast(section, "n_reductions", 0);
        if (nReductions > nCells) {
            throw new ConfException(
                    "Key "
                            + section.where("n_reductions")
                            + " = "
                            + nReductions
                            + " exceeds n_cells = "
                            + nCells
                            + "; valid: 0.."
                            + nCells
                            + ".");
        }
        int nNodes = within(section, "n_nodes", 1, MAX_NODES);
        int outNodes = atLeast(section, "out_nodes", 1);
        if (outNodes > nNodes) {
            throw new ConfException(
                    "Key "
                            + section.where("out_nodes")
                            + " = "
                            + outNodes
                            + " exceeds n_nodes = "
                            + nNodes
                            + "; the post op merges some of the last nodes (valid: 1.."
                            + nNodes
                            + ").");
        }
        ModelDescParams p =
                new ModelDescParams(
                        nCells,
                        nReductions,
                        within(section, "init_node_ch", 1, MAX_CHANNELS),
                        within(section, "stem_multiplier", 1, MAX_STEM_MULTIPLIER),
                        nNodes,
                        outNodes,
                        opName(section, "model_stem0_op"),
                        opName(section, "model_stem1_op"),
                        opName(section, "cell_post_op"),
                        opName(section, "model_post_op"),
                        opName(section, "logits_op"),
                        nonNegative(section, "aux_weight"),
                        within(ds, "n_classes", 1, 1_000_000),
                        within(ds, "channels", 1, MAX_CHANNELS),
                        within(ds, "img_size", 1, 65_536),
                        section.readingMap(KNOWN));
        NetworkBounds.checkChannels(p, section);
        return p;
    }

    /**
     * Upper bounds of the macro parameters: far beyond any published network (DARTS evaluates 20
     * cells of 4 nodes at 36 channels) and small enough that a typo such as {@code n_cells:
     * 1000000} fails at once instead of hanging while millions of cells are built.
     */
    public static final int MAX_CELLS = 1_000;

    /** Most nodes per cell (see {@link #MAX_CELLS}). */
    public static final int MAX_NODES = 64;

    /** Most channels per node or image (see {@link #MAX_CELLS}). */
    public static final int MAX_CHANNELS = 16_384;

    /** Largest stem multiplier (see {@link #MAX_CELLS}). */
    public static final int MAX_STEM_MULTIPLIER = 64;

    private static int within(Conf c, String key, int min, int max) {
        int v = atLeast(c, key, min);
        if (v > max) {
            throw new ConfException(
                    "Key "
                            + c.where(key)
                            + " = "
                            + v
                            + " is out of range; expected "
                            + min
                            + ".."
                            + max
                            + " (nas4j's bound: larger networks do not fit any machine it runs"
                            + " on, so the value is taken for a typo).");
        }
        return v;
    }

    private static int atLeast(Conf c, String key, int min) {
        int v = c.getInt(key);
        if (v < min) {
            throw new ConfException(
                    "Key "
                            + c.where(key)
                            + " = "
                            + v
                            + " is out of range; expected >= "
                            + min
                            + ".");
        }
        return v;
    }

    private static double nonNegative(Conf c, String key) {
        double v = c.getDouble(key);
        if (!(v >= 0)) {
            throw new ConfException(
                    "Key " + c.where(key) + " = " + v + " is out of range; expected >= 0.");
        }
        return v;
    }

    private static String opName(Conf c, String key) {
        String v = c.getString(key);
        if (v.isBlank()) {
            throw new ConfException("Key " + c.where(key) + " is blank; expected an op name.");
        }
        return v;
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
}
