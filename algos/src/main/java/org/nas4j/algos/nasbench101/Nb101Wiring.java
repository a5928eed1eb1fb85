package org.nas4j.algos.nasbench101;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.nas4j.core.NasException;
import org.nas4j.core.desc.OpDesc;

/**
 * The parameter-free ops that wire a NAS-Bench-101 cell into nodes that sum their edges: {@code
 * nb101_truncate} (the first {@code ch_out} channels of a vertex feeding a narrower one, as the
 * benchmark's {@code truncate}), {@code nb101_concat} (its input placed at channels {@code [offset,
 * offset + ch_in)} of {@code ch_out} zero channels, so that the output node's sum of these edges is
 * the benchmark's concatenation) and {@code nb101_unused_input} (the cell input {@code c_{k-2}}
 * that a NAS-Bench-101 cell does not read, passed on untouched).
 */
final class Nb101Wiring extends AbstractBlock {
    private enum Kind {
        TRUNCATE,
        CONCAT,
        UNUSED
    }

    private final Kind kind;
    private final int chOut;
    private final int offset;

    private Nb101Wiring(Kind kind, OpDesc desc, int offset) {
        this.kind = kind;
        this.chOut = desc.conv().chOut();
        this.offset = offset;
        if (desc.stride() != 1) {
            throw new NasException(
                    "Op '" + desc.name() + "' has stride " + desc.stride() + "; it has stride 1.");
        }
    }

    /** {@code nb101_truncate}: needs {@code ch_out <= ch_in}. */
    static Nb101Wiring truncate(OpDesc desc) {
        if (desc.conv().chOut() > desc.conv().chIn()) {
            throw new NasException(
                    "Op '"
                            + desc.name()
                            + "' keeps the first ch_out of ch_in channels; got ch_out "
                            + desc.conv().chOut()
                            + " > ch_in "
                            + desc.conv().chIn()
                            + ".");
        }
        return new Nb101Wiring(Kind.TRUNCATE, desc, 0);
    }

    /** {@code nb101_concat}: reads param {@code offset}, needs {@code offset + ch_in <= ch_out}. */
    static Nb101Wiring concat(OpDesc desc) {
        int offset = desc.intParam("offset", -1);
        if (offset < 0 || offset + desc.conv().chIn() > desc.conv().chOut()) {
            throw new NasException(
                    "Op '"
                            + desc.name()
                            + "' places ch_in "
                            + desc.conv().chIn()
                            + " channels at param offset "
                            + desc.params().get("offset")
                            + " of ch_out "
                            + desc.conv().chOut()
                            + "; valid offsets: 0.."
                            + (desc.conv().chOut() - desc.conv().chIn())
                            + ".");
        }
        return new Nb101Wiring(Kind.CONCAT, desc, offset);
    }

    /** {@code nb101_unused_input}. */
    static Nb101Wiring unused(OpDesc desc) {
        return new Nb101Wiring(Kind.UNUSED, desc, 0);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        return new NDList(
                switch (kind) {
                    case UNUSED -> x;
                    case TRUNCATE ->
                            x.getShape().get(1) == chOut ? x : x.get(new NDIndex(":, 0:" + chOut));
                    case CONCAT -> place(x);
                });
    }

    private NDArray place(NDArray x) {
        Shape s = x.getShape();
        NDList parts = new NDList(3);
        if (offset > 0) {
            parts.add(zeros(x, s, offset));
        }
        parts.add(x);
        int after = chOut - offset - (int) s.get(1);
        if (after > 0) {
            parts.add(zeros(x, s, after));
        }
        return parts.size() == 1 ? x : NDArrays.concat(parts, 1);
    }

    private static NDArray zeros(NDArray like, Shape s, int channels) {
        return like.getManager()
                .zeros(new Shape(s.get(0), channels, s.get(2), s.get(3)), like.getDataType());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        if (kind == Kind.UNUSED) {
            return new Shape[] {in};
        }
        return new Shape[] {new Shape(in.get(0), chOut, in.get(2), in.get(3))};
    }
}
