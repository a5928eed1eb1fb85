package org.nas4j.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The outputs of pure functions (ReLU, pooling) of one cell's forward pass, computed once per input
 * array and handed to every op that asks for the same function of the same array. A network keeps
 * one more for the stems of its cells: each cell output is read by the next two cells' stems (and
 * maybe the aux tower), each starting with a ReLU of it.
 *
 * <p>In a DARTS supernet every edge applies all its primitives to the state it reads, and every
 * later node reads every state: each of the four convolution primitives of an edge starts with the
 * same ReLU of the same state, and each edge reading that state pools it again. A search cell of
 * four nodes computes 56 ReLUs and 28 pools of five distinct arrays. With this cache it computes
 * five ReLUs and ten pools; autograd sums the gradients of the readers, so results are unchanged up
 * to the order of that sum. The saving is in time and, more, in memory: every ReLU output is kept
 * for the backward pass.
 *
 * <p>A cell passes the cache to its ops through the forward's {@code params} ({@link #from}); an op
 * without one computes its own output as before. Each caller gets its own handle (a view of the
 * shared array), which it may close as it closes any intermediate; the shared arrays are closed
 * with the cache, at the end of the cell's forward. Inputs are compared by identity.
 */
public final class SharedOutputs implements AutoCloseable {
    /** An op whose output a cell may share: a pure function of its one input. */
    public interface Shareable {
        /**
         * What names this op's function of its input: ops with equal keys compute the same output
         * from the same array.
         */
        Object shareKey();
    }

    /** The key under which a cell passes the cache in a forward's {@code params}. */
    public static final String PARAM = "nas4j.shared_outputs";

    private final Map<NDArray, Map<Object, NDArray>> byInput = new IdentityHashMap<>();
    private final List<NDArray> owned = new ArrayList<>();
    private final PairList<String, Object> params = new PairList<>();
    private int computed;
    private int reused;

    /** An empty cache. */
    public SharedOutputs() {
        params.add(PARAM, this);
    }

    /** The cache passed in {@code params}, or null when the caller passed none. */
    public static SharedOutputs from(PairList<String, Object> params) {
        if (params == null) {
            return null;
        }
        Object o = params.get(PARAM);
        return o instanceof SharedOutputs s ? s : null;
    }

    /**
     * {@code fn(x)}: shared through the cache {@code params} carry (see {@link #apply(NDArray,
     * Object, UnaryOperator)}), computed on its own when they carry none.
     */
    public static NDArray apply(
            PairList<String, Object> params, NDArray x, Object key, UnaryOperator<NDArray> fn) {
        SharedOutputs shared = from(params);
        return shared == null ? fn.apply(x) : shared.apply(x, key, fn);
    }

    /** Forward {@code params} that carry this cache to the ops they are passed to. */
    public PairList<String, Object> params() {
        return params;
    }

    /**
     * {@code fn(x)}, computed at the first request for {@code fn} (named by {@code key}: equal keys
     * must name the same pure function) of this very array and reused afterwards.
     *
     * @return a new handle to the shared output, owned by the caller
     */
    public NDArray apply(NDArray x, Object key, UnaryOperator<NDArray> fn) {
        Map<Object, NDArray> outs = byInput.computeIfAbsent(x, k -> new HashMap<>());
        NDArray y = outs.get(key);
        if (y == null) {
            y = fn.apply(x);
            outs.put(key, y);
            owned.add(y);
            computed++;
        } else {
            reused++;
        }
        // A view: closing the caller's handle leaves the shared array (and its storage) alone.
        return y.reshape(y.getShape());
    }

    /** How many outputs were computed so far. */
    public int computed() {
        return computed;
    }

    /** How many requests were answered with an output computed before. */
    public int reused() {
        return reused;
    }

    /**
     * Closes the handles of the outputs computed from {@code input}, which no later op will read: a
     * network that shares the ReLUs of its cell outputs across cells releases each cell output's as
     * it leaves the window of states its cells read (in inference nothing else keeps them).
     */
    public void release(NDArray input) {
        Map<Object, NDArray> outs = byInput.remove(input);
        if (outs == null) {
            return;
        }
        for (NDArray y : outs.values()) {
            Intermediates.removeOne(owned, y);
            y.close();
        }
    }

    /** Closes the shared outputs' handles; libtorch keeps those the backward reads. */
    @Override
    public void close() {
        for (NDArray a : owned) {
            a.close();
        }
        owned.clear();
        byInput.clear();
    }
}
