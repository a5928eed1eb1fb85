package org.nas4j.core.builder;

import java.util.Locale;
import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.CellDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.core.io.TextFiles;

/**
 * Sizes a {@code model_desc} conf section implies beyond its single keys, checked before anything
 * is built: the channels that reductions double, the edges of a search supernet, and a lower bound
 * of the weights. Each key is within its own bound ({@link ModelDescParams#MAX_CELLS}, ...), but
 * together they can still ask for a network no machine builds: {@code n_reductions: 40} doubles the
 * channels past {@code int}, 1,000 cells of 64 fully connected nodes are two million mixed edges.
 *
 * <pre>{@code
 * ModelDescParams p = ModelDescParams.fromConf(conf.child("nas.search.model_desc"));
 * NetworkBounds.checkSupernet(p, "nas.search.model_desc");
 * NetworkBounds.checkWeightsFit(p, "nas.search.model_desc", true, MemoryEstimate.totalBytes());
 * }</pre>
 */
public final class NetworkBounds {
    /**
     * Most edges of a search supernet: 45 times DARTS's search network (8 cells of 14 edges). The
     * largest supernet allowed (357 DARTS cells) is built as DJL blocks and its memory estimated in
     * about 4 seconds on a 2-core CPU, so a conf asking for more fails early, not after minutes.
     */
    public static final long MAX_SUPERNET_EDGES = 5_000;

    private NetworkBounds() {}

    /**
     * Refuses model stems or node channels past {@link ModelDescParams#MAX_CHANNELS}: the stems
     * output {@code init_node_ch * stem_multiplier} channels and each reduction cell doubles the
     * node channels.
     *
     * @param section the {@code model_desc} section {@code p} was read from, for key names
     */
    static void checkChannels(ModelDescParams p, Conf section) {
        long stem = (long) p.initNodeCh() * p.stemMultiplier();
        if (stem > ModelDescParams.MAX_CHANNELS) {
            throw new ConfException(
                    "Keys "
                            + section.where("init_node_ch")
                            + " = "
                            + p.initNodeCh()
                            + " and "
                            + section.where("stem_multiplier")
                            + " = "
                            + p.stemMultiplier()
                            + " give model stems of "
                            + stem
                            + " channels, more than nas4j's bound of "
                            + ModelDescParams.MAX_CHANNELS
                            + "; lower one of them (DARTS: 36 and 3).");
        }
        int doublings = Math.min(p.nReductions(), 32); // 2^32 is past any bound already
        long deepest = (long) p.initNodeCh() << doublings;
        if (deepest > ModelDescParams.MAX_CHANNELS) {
            throw new ConfException(
                    "Keys "
                            + section.where("init_node_ch")
                            + " = "
                            + p.initNodeCh()
                            + " and "
                            + section.where("n_reductions")
                            + " = "
                            + p.nReductions()
                            + " give the last cells "
                            + p.initNodeCh()
                            + " x 2^"
                            + p.nReductions()
                            + " node channels (each reduction cell doubles them), more than"
                            + " nas4j's bound of "
                            + ModelDescParams.MAX_CHANNELS
                            + "; lower n_reductions (DARTS: 2) or init_node_ch.");
        }
    }

    /**
     * Edges of a supernet whose every node reads every earlier state of its cell (the DARTS
     * family's search network): {@code n_cells * n_nodes * (n_nodes + 3) / 2}.
     */
    public static long supernetEdges(ModelDescParams p) {
        long perCell = (long) p.nNodes() * (p.nNodes() + 3) / 2;
        return perCell * p.nCells();
    }

    /**
     * Refuses a search supernet of more than {@link #MAX_SUPERNET_EDGES} edges.
     *
     * @param key the section's key, e.g. {@code nas.search.model_desc}, for the message
     */
    public static void checkSupernet(ModelDescParams p, String key) {
        long edges = supernetEdges(p);
        if (edges > MAX_SUPERNET_EDGES) {
            throw new ConfException(
                    String.format(
                            Locale.ROOT,
                            "%s asks for a supernet of %,d edges (%d cells x %d edges, every one"
                                    + " of n_nodes = %d nodes reading every earlier state), more"
                                    + " than the %,d nas4j builds (45 times DARTS's search"
                                    + " network); lower %s.n_cells or %s.n_nodes (DARTS: 8 and 4).",
                            key,
                            edges,
                            p.nCells(),
                            edges / p.nCells(),
                            p.nNodes(),
                            MAX_SUPERNET_EDGES,
                            key,
                            key));
        }
    }

    /**
     * A lower bound of the network's weights, in bytes: the convolutions that map each cell's two
     * inputs to its node channels (at least {@code ch_in * ch_out} weights each, as {@link
     * ModelDescBuilder} builds them) and the classifier. The nodes' ops, which depend on the
     * algorithm and the search, come on top.
     */
    public static long minWeightBytes(ModelDescParams p) {
        ModelDesc skeleton = new ModelDescBuilder().build(p, false, null);
        long weights = 0;
        for (CellDesc c : skeleton.cells()) {
            weights += dense(c.stem0()) + dense(c.stem1());
        }
        weights += dense(skeleton.logitsOp());
        return weights * Float.BYTES;
    }

    private static ModelDescParams oneNode(ModelDescParams p) {
        return new ModelDescParams(
                p.nCells(),
                p.nReductions(),
                p.initNodeCh(),
                p.stemMultiplier(),
                1,
                1,
                p.modelStem0Op(),
                p.modelStem1Op(),
                p.cellPostOp(),
                p.modelPostOp(),
                p.logitsOp(),
                p.auxWeight(),
                p.nClasses(),
                p.channels(),
                p.imgSize(),
                p.extra());
    }

    private static long dense(OpDesc op) {
        return (long) op.conv().chIn() * op.conv().chOut();
    }

    /**
     * Refuses a network whose weights and their gradients alone (twice {@link #minWeightBytes})
     * exceed {@code memoryBytes}, the memory of the device it would train on.
     *
     * @param key the section's key, e.g. {@code nas.eval.model_desc}, for the message
     * @param nodesKnown whether the section's {@code n_nodes} and {@code out_nodes} are the
     *     network's (search); an evaluation network takes its nodes from the searched cells, so the
     *     bound then counts one merged node per cell
     * @param memoryBytes the memory to fit in; 0 or less: unknown, no check
     */
    public static void checkWeightsFit(
            ModelDescParams p, String key, boolean nodesKnown, long memoryBytes) {
        if (memoryBytes <= 0) {
            return;
        }
        long weights = minWeightBytes(nodesKnown ? p : oneNode(p));
        if (2 * weights > memoryBytes) {
            throw new ConfException(
                    key
                            + " asks for a network whose weights alone take at least "
                            + TextFiles.human(weights)
                            + " (the 1x1 convolutions feeding its "
                            + p.nCells()
                            + " cells: init_node_ch = "
                            + p.initNodeCh()
                            + ", n_reductions = "
                            + p.nReductions()
                            + "); training needs at least twice that (weights and gradients),"
                            + " more than this machine's "
                            + TextFiles.human(memoryBytes)
                            + " of memory. Lower "
                            + key
                            + ".init_node_ch or n_cells, or train on a GPU (common.device).");
        }
    }
}
