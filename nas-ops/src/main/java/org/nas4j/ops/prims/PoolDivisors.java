package org.nas4j.ops.prims;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Average pooling that excludes padding from the average (PyTorch's {@code
 * count_include_pad=False}), which DJL's PyTorch engine ignores.
 *
 * <p>The pool is computed with padding included and multiplied by {@code 1/avg_pool(ones)}: the
 * padded average times {@code k*k/count}, which is the average over the real pixels only. The
 * factor depends only on the spatial shape, pool geometry, data type and device, so it is computed
 * once per key and kept for the life of the JVM in a manager owned by this class (a few small
 * arrays per distinct shape).
 */
public final class PoolDivisors {
    private record Key(long h, long w, int k, int stride, int pad, DataType type, Device device) {}

    private static final Map<Key, NDArray> CACHE = new ConcurrentHashMap<>();
    private static final Map<Device, NDManager> MANAGERS = new ConcurrentHashMap<>();

    private PoolDivisors() {}

    /** {@code avg_pool2d(x, k, stride, pad, count_include_pad=False)} for an NCHW {@code x}. */
    public static NDArray avgPoolExcludePad(NDArray x, int k, int stride, int pad) {
        NDArray avg =
                Pool.avgPool2d(
                        x,
                        new Shape(k, k),
                        new Shape(stride, stride),
                        new Shape(pad, pad),
                        false,
                        true);
        if (pad == 0) {
            return avg;
        }
        return avg.mul(reciprocalCount(x, k, stride, pad));
    }

    private static NDArray reciprocalCount(NDArray x, int k, int stride, int pad) {
        Shape s = x.getShape();
        Key key = new Key(s.get(2), s.get(3), k, stride, pad, x.getDataType(), x.getDevice());
        return CACHE.computeIfAbsent(key, PoolDivisors::compute);
    }

    private static NDArray compute(Key key) {
        NDManager manager = MANAGERS.computeIfAbsent(key.device(), NDManager::newBaseManager);
        try (NDManager scratch = manager.newSubManager()) {
            NDArray ones = scratch.ones(new Shape(1, 1, key.h(), key.w()), key.type());
            NDArray share =
                    Pool.avgPool2d(
                            ones,
                            new Shape(key.k(), key.k()),
                            new Shape(key.stride(), key.stride()),
                            new Shape(key.pad(), key.pad()),
                            false,
                            true);
            NDArray reciprocal = share.pow(-1);
            reciprocal.attach(manager);
            return reciprocal;
        }
    }
}
