package org.nas4j.core.desc;

import java.util.List;
import org.nas4j.core.DescFormatException;

/**
 * Checks that a model desc describes a network that can be built: states that exist, no cycles,
 * consistent channels between stems, cells, nodes, aux towers and the classifier.
 *
 * <p>Used on every loaded desc and on every desc a builder makes. Failures are {@link
 * DescFormatException}s whose message names the source and the JSON path of the bad value as it
 * appears in the saved file (for example {@code $.model.cells[2].nodes[1].edges[0].input_ids[0]}).
 * Op names are not checked here; the op registry of nas-ops does that.
 */
public final class DescValidator {
    private static final String CELLS = "$.model.cells";

    private final String source;

    private DescValidator(String source) {
        this.source = source == null ? "model desc" : source;
    }

    /**
     * Validates {@code desc}, naming {@code sourceName} (a file name, or for instance "the built
     * search desc") in any error.
     *
     * @throws DescFormatException at the first inconsistency found
     */
    public static void validate(ModelDesc desc, String sourceName) {
        new DescValidator(sourceName).model(desc);
    }

    private DescFormatException fail(String path, String problem) {
        return new DescFormatException(source + ": " + path + " " + problem);
    }

    private void model(ModelDesc d) {
        List<Integer> shape = d.inputShape();
        if (shape.size() != 3 || shape.stream().anyMatch(v -> v < 1)) {
            throw fail(
                    "$.model.input_shape",
                    "= " + shape + " is not a (channels, height, width) shape of positive sizes.");
        }
        if (d.nClasses() < 1) {
            throw fail("$.model.n_classes", "= " + d.nClasses() + " must be at least 1.");
        }
        if (d.modelStems().size() != 2) {
            throw fail(
                    "$.model.model_stems",
                    "has "
                            + d.modelStems().size()
                            + " stems; a model has exactly 2 (producing the two inputs of cell 0).");
        }
        for (int i = 0; i < 2; i++) {
            OpDesc stem = d.modelStems().get(i);
            String p = "$.model.model_stems[" + i + "]";
            op(stem, p);
            if (stem.conv().chIn() != shape.get(0)) {
                throw fail(
                        p + ".ch_in",
                        "= "
                                + stem.conv().chIn()
                                + " does not match the "
                                + shape.get(0)
                                + " input channels of $.model.input_shape[0].");
            }
        }
        if (d.cells().isEmpty()) {
            throw fail(CELLS, "is empty; a model needs at least one cell.");
        }
        for (int k = 0; k < d.cells().size(); k++) {
            cell(d, k);
        }
        auxTowers(d);
        classifier(d);
    }

    private void cell(ModelDesc d, int k) {
        CellDesc c = d.cells().get(k);
        String p = CELLS + "[" + k + "]";
        if (c.id() != k) {
            throw fail(p + ".id", "= " + c.id() + " differs from the cell's position " + k + ".");
        }
        op(c.stem0(), p + ".stem0");
        op(c.stem1(), p + ".stem1");
        op(c.postOp(), p + ".post_op");
        stemInput(d, k, c.stem0(), p + ".stem0", k - 2);
        stemInput(d, k, c.stem1(), p + ".stem1", k - 1);
        int stemCh = c.stem0().conv().chOut();
        if (c.stem1().conv().chOut() != stemCh) {
            throw fail(
                    p + ".stem1.ch_out",
                    "= "
                            + c.stem1().conv().chOut()
                            + " differs from stem0.ch_out = "
                            + stemCh
                            + "; both stems feed the same nodes.");
        }
        if (c.conv().chIn() != stemCh) {
            throw fail(
                    p + ".ch_in",
                    "= " + c.conv().chIn() + " differs from the stems' output channels " + stemCh
                            + ".");
        }
        if (c.nodeChannels().size() != c.nodes().size()) {
            throw fail(
                    p + ".node_channels",
                    "has "
                            + c.nodeChannels().size()
                            + " entries but the cell has "
                            + c.nodes().size()
                            + " nodes.");
        }
        CellNodesCheck.check(this, c, p, stemCh);
        if (c.trainablesFrom() < 0 || c.trainablesFrom() > k) {
            throw fail(
                    p + ".trainables_from",
                    "= " + c.trainablesFrom() + " is not a cell at or before this one (valid: 0.."
                            + k + ").");
        }
        if (d.cells().get(c.trainablesFrom()).cellType() != c.cellType()) {
            throw fail(
                    p + ".trainables_from",
                    "= "
                            + c.trainablesFrom()
                            + " names a cell of another type; a cell shares architecture weights"
                            + " only with a cell of its own type.");
        }
    }

    /** Checks that a cell stem reads as many channels as the state it is fed produces. */
    private void stemInput(ModelDesc d, int k, OpDesc stem, String path, int from) {
        int ch;
        String what;
        if (from >= 0) {
            ch = d.cells().get(from).outChannels();
            what = "cell " + from + " (" + CELLS + "[" + from + "].out_channels)";
        } else {
            // before the first cells the inputs are the model stems: c_{-2} = stem 0, c_{-1} = stem 1
            int m = k == 0 && from == -2 ? 0 : 1;
            ch = d.modelStems().get(m).conv().chOut();
            what = "model stem " + m + " ($.model.model_stems[" + m + "].ch_out)";
        }
        if (stem.conv().chIn() != ch) {
            throw fail(
                    path + ".ch_in",
                    "= "
                            + stem.conv().chIn()
                            + " does not match the "
                            + ch
                            + " output channels of "
                            + what
                            + ", which it reads.");
        }
    }

    private void auxTowers(ModelDesc d) {
        List<AuxTowerDesc> aux = d.auxTowers();
        if (aux.size() != d.cells().size()) {
            throw fail(
                    "$.model.aux_towers",
                    "has "
                            + aux.size()
                            + " entries but the model has "
                            + d.cells().size()
                            + " cells; it needs one per cell (null where there is none).");
        }
        for (int i = 0; i < aux.size(); i++) {
            AuxTowerDesc a = aux.get(i);
            if (a == null) {
                continue;
            }
            String p = "$.model.aux_towers[" + i + "]";
            int out = d.cells().get(i).outChannels();
            if (a.chIn() != out) {
                throw fail(
                        p + ".ch_in",
                        "= " + a.chIn() + " does not match the " + out
                                + " output channels of cell " + i + ".");
            }
            if (a.nClasses() != d.nClasses()) {
                throw fail(
                        p + ".n_classes",
                        "= " + a.nClasses() + " differs from $.model.n_classes = " + d.nClasses()
                                + ".");
            }
            if (a.stride() < 1) {
                throw fail(p + ".stride", "= " + a.stride() + " must be at least 1.");
            }
        }
    }

    private void classifier(ModelDesc d) {
        op(d.poolOp(), "$.model.pool_op");
        op(d.logitsOp(), "$.model.logits_op");
        int last = d.cells().get(d.cells().size() - 1).outChannels();
        if (d.poolOp().conv().chIn() != last) {
            throw fail(
                    "$.model.pool_op.ch_in",
                    "= " + d.poolOp().conv().chIn() + " does not match the " + last
                            + " output channels of the last cell.");
        }
        if (d.logitsOp().conv().chIn() != d.poolOp().conv().chOut()) {
            throw fail(
                    "$.model.logits_op.ch_in",
                    "= " + d.logitsOp().conv().chIn() + " does not match the "
                            + d.poolOp().conv().chOut() + " output channels of the pool op.");
        }
        if (d.logitsOp().conv().chOut() != d.nClasses()) {
            throw fail(
                    "$.model.logits_op.ch_out",
                    "= " + d.logitsOp().conv().chOut() + " differs from $.model.n_classes = "
                            + d.nClasses() + "; the classifier outputs one logit per class.");
        }
    }

    /** Checks what every op needs regardless of its name; recurses into children. */
    void op(OpDesc op, String path) {
        if (op.stride() < 1) {
            throw fail(path + ".stride", "= " + op.stride() + " must be at least 1.");
        }
        if (op.inLen() < 0) {
            throw fail(path + ".in_len", "= " + op.inLen() + " must not be negative.");
        }
        if (!op.childrenIns().isEmpty() && op.childrenIns().size() != op.children().size()) {
            throw fail(
                    path + ".children_ins",
                    "has " + op.childrenIns().size() + " entries but the op has "
                            + op.children().size() + " children.");
        }
        for (int i = 0; i < op.children().size(); i++) {
            op(op.children().get(i), path + ".children[" + i + "]");
        }
    }

    DescFormatException failAt(String path, String problem) {
        return fail(path, problem);
    }
}
