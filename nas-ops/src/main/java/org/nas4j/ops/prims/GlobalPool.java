package org.nas4j.ops.prims;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The pools before the classifier, all keeping four dimensions ({@code linear} flattens): {@code
 * pool_adaptive_avg2d} and {@code pool_mean_tensor} average over H and W to {@code [N, C, 1, 1]};
 * {@code pool_avg2d7x7} is a 7x7 average pool of stride 7 (ImageNet heads).
 */
public final class GlobalPool extends AbstractBlock {
    /** Which pool. */
    public enum Kind {
        /** Mean over H and W (adaptive average pooling to 1x1). */
        GLOBAL_AVG,
        /** 7x7 average pool, stride 7, no padding. */
        AVG_7X7
    }

    private final Kind kind;

    /** A pool of the given kind. */
    public GlobalPool(Kind kind) {
        this.kind = kind;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        // DJL's PyTorch engine cannot take a mean over two axes at once; a pool over the whole
        // map is one call and keeps [N, C, 1, 1].
        Shape window =
                kind == Kind.GLOBAL_AVG
                        ? new Shape(x.getShape().get(2), x.getShape().get(3))
                        : new Shape(7, 7);
        return new NDList(Pool.avgPool2d(x, window, window, new Shape(0, 0), false, true));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        PrimShapes.requireNchw(in, "pool input");
        if (kind == Kind.GLOBAL_AVG) {
            return new Shape[] {new Shape(in.get(0), in.get(1), 1, 1)};
        }
        return new Shape[] {new Shape(in.get(0), in.get(1), in.get(2) / 7, in.get(3) / 7)};
    }
}
