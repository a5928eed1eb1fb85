package org.nas4j.algos.didarts;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.nas4j.core.builder.ModelDescBuilder;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.train.data.BatchStream;

/** {@link TinySupernet} for the tests of other algorithm packages. */
public final class TinySupernetAccess {
    /** Primitives with a kink (max pool), a convolution and the identity, plus none. */
    public static final List<String> MIXED = TinySupernet.MIXED;

    private TinySupernetAccess() {}

    /** See {@link TinySupernet#desc(ModelDescBuilder, List, int, int)}. */
    public static ModelDesc desc(
            ModelDescBuilder builder, List<String> primitives, int nCells, int nReductions) {
        return TinySupernet.desc(builder, primitives, nCells, nReductions);
    }

    /** See {@link TinySupernet#model}. */
    public static ModelBlock model(ModelDesc desc, NDManager manager, DataType type, int seed) {
        return TinySupernet.model(desc, manager, type, seed);
    }

    /** Synthetic 1x8x8 images of 4 classes. */
    public static BatchStream stream(int n, int batch, long seed) {
        return new TinySupernet.Stream(n, batch, seed);
    }
}
