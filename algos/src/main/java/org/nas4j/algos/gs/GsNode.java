package org.nas4j.algos.gs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.nas4j.core.NasException;
import org.nas4j.ops.ArchParams;

/**
 * The architecture state one node's {@link GsOp} edges share: the node's logits over all (edge, op)
 * pairs, the sampler settings, the temperature, and the sample of the current forward pass.
 *
 * <p>The logits are kept as one parameter per edge ({@code <node>.edge<j>.alphas}, in primitive
 * order) so that a saved desc carries each edge's slice; concatenated in edge order they are the
 * node's logit vector, and the gradient reaches every slice through the concatenation. All edges of
 * a node (and of cells sharing its weights) use the same draw within one forward pass: the draw is
 * cached for the pass's {@link ParameterStore} and manager.
 */
public final class GsNode {
    // Ops are built one by one through the registry; the network's ArchParams is what a node's
    // edges share, so nodes are found through it (weakly, so a discarded network frees them).
    private static final Map<ArchParams, Map<String, GsNode>> NODES =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final List<Parameter> slices;
    private final int nPrims;
    private final int numSample;
    private final boolean hard;
    private volatile double temperature = 1.0;
    private GumbelSampler.Noise noise = GumbelSampler.DJL_NOISE;
    private WeakReference<ParameterStore> lastStore = new WeakReference<>(null);
    private NDManager lastManager;
    private NDArray lastSample;

    private GsNode(List<Parameter> slices, int nPrims, int numSample, boolean hard) {
        this.slices = slices;
        this.nPrims = nPrims;
        this.numSample = numSample;
        this.hard = hard;
    }

    /**
     * The node whose edges' keys are {@code nodeKey + ".edge<j>"}, {@code nEdges} edges of {@code
     * nPrims} primitives each; created with its logits in {@code archParams} if new.
     */
    static GsNode of(
            ArchParams archParams,
            String nodeKey,
            int nEdges,
            int nPrims,
            int numSample,
            boolean hard) {
        synchronized (NODES) {
            Map<String, GsNode> nodes = NODES.computeIfAbsent(archParams, a -> new HashMap<>());
            GsNode node = nodes.get(nodeKey);
            if (node == null) {
                List<Parameter> slices = new ArrayList<>();
                for (int j = 0; j < nEdges; j++) {
                    slices.add(
                            archParams.getOrCreate(
                                    nodeKey + ".edge" + j + "." + GsEdgeReader.ALPHAS,
                                    new Shape(nPrims),
                                    new NormalInitializer(1e-3f)));
                }
                node = new GsNode(List.copyOf(slices), nPrims, numSample, hard);
                nodes.put(nodeKey, node);
            } else if (node.slices.size() != nEdges || node.nPrims != nPrims) {
                throw new NasException(
                        "gs node '"
                                + nodeKey
                                + "' has "
                                + node.slices.size()
                                + " edges of "
                                + node.nPrims
                                + " primitives but an edge asks for "
                                + nEdges
                                + " of "
                                + nPrims
                                + "; every edge of a node (and cells sharing it) must agree.");
            }
            return node;
        }
    }

    /** The node's logit slices, one parameter per edge in edge order. */
    public List<Parameter> slices() {
        return slices;
    }

    /** Primitives per edge. */
    public int primitives() {
        return nPrims;
    }

    /** The temperature of the next draws. */
    public double temperature() {
        return temperature;
    }

    /** Sets the temperature; the trainer calls this each step. */
    public void setTemperature(double tau) {
        this.temperature = tau;
    }

    /** Replaces the Gumbel noise source (tests hold the noise fixed with it). */
    public void setNoise(GumbelSampler.Noise noise) {
        this.noise = noise;
    }

    /**
     * The node's sample (shape {@code [edges * primitives]}, owned by {@code ps}'s manager) for the
     * forward pass using {@code ps}: drawn on the first call of the pass, reused by the other
     * edges. Outside training the draw is noise-free.
     */
    synchronized NDArray sample(ParameterStore ps, NDArray like, boolean training) {
        // the pass's manager, not the input's: an input computed from a parameter lives in the
        // model's manager, and the node's edges must find the same draw whatever their inputs
        NDManager m = ps.getManager();
        if (lastStore.get() == ps
                && lastManager == m
                && lastSample != null
                && !lastSample.isReleased()) {
            return lastSample;
        }
        NDList parts = new NDList(slices.size());
        for (Parameter p : slices) {
            parts.add(ps.getValue(p, like.getDevice(), training));
        }
        NDArray logits = parts.size() == 1 ? parts.head() : NDArrays.concat(parts);
        NDArray s =
                GumbelSampler.sample(
                        logits, temperature, numSample, hard, training ? noise : null, m);
        s.attach(m);
        if (parts.size() > 1) {
            logits.attach(m); // computed from parameters: it would leak in their manager
        }
        lastStore = new WeakReference<>(ps);
        lastManager = m;
        lastSample = s;
        return s;
    }
}
