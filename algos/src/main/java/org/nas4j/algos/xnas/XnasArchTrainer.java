package org.nas4j.algos.xnas;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.NasException;
import org.nas4j.search.arch.ArchTrainer;
import org.nas4j.search.arch.FrozenGrads;
import org.nas4j.train.StepContext;
import org.nas4j.train.TrainerBuilder;
import org.nas4j.train.optim.Grads;
import org.nas4j.train.optim.NamedParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * XNAS's search (Nayman et al. 2019, arXiv:1906.09557, algorithm 1): after each validation step
 * every edge's experts are rewarded and reweighted by exponentiated gradient.
 *
 * <p>One forward and backward pass of the validation batch, with the ordinary weights frozen, gives
 * every edge's {@code dL/dw_k = <dL/dout, o_k>} at once, since the forward multiplies by the leaf
 * {@code weights} (see {@link XnasOp}); {@code L} is the batch-mean loss, so the reward {@code r_k
 * = -dL/dw_k} is the mean of the per-sample rewards, as in the paper's {@code l_t}. Rewards are
 * clamped to {@code [-G, G]} so the bound the learning rate and the wipe-out rule assume holds. The
 * update and the wipe-out run in double precision on the host ({@link ExpertWeights}) and are
 * written back to the three parameters of each edge. The architecture optimizer never steps them:
 * {@link #stepArchOptimizer} does nothing.
 *
 * <p>{@code T} is (search epochs - {@code arch_warmup_epochs}) times the batches per epoch and
 * {@code t} comes from the global step, so a resumed run continues the same schedule; the expert
 * weights and the wiped-out mask are architecture parameters and are checkpointed with them.
 */
public class XnasArchTrainer extends ArchTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(XnasArchTrainer.class);

    private final List<Edge> edges = new ArrayList<>();
    private final Map<Edge, double[]> logA = new IdentityHashMap<>();
    private final double bound;
    private final boolean wipeOut;

    /** One edge's parameters. */
    private record Edge(String key, Parameter weights, Parameter logWeights, Parameter wiped) {}

    /**
     * An XNAS trainer of the network in {@code b} whose architecture parameters are {@code
     * archParams} (those of its {@link XnasOp} edges).
     *
     * @param rewardBound {@code G}, the bound rewards are clamped to (> 0)
     * @param wipeOut whether experts that can no longer win are removed
     * @throws NasException when an architecture parameter does not belong to an {@code xnas_op}
     */
    public XnasArchTrainer(
            TrainerBuilder b, NamedParams archParams, double rewardBound, boolean wipeOut) {
        super(b, archParams);
        this.bound = rewardBound;
        this.wipeOut = wipeOut;
        Map<String, Parameter> byName = archParams.asMap();
        String suffix = "." + XnasEdgeReader.WEIGHTS;
        for (String name : byName.keySet()) {
            if (name.endsWith(suffix)) {
                String key = name.substring(0, name.length() - suffix.length());
                edges.add(
                        new Edge(
                                key,
                                byName.get(name),
                                param(byName, key, XnasEdgeReader.LOG_WEIGHTS),
                                param(byName, key, XnasEdgeReader.WIPED)));
            }
        }
        if (edges.size() * 3 != byName.size()) {
            throw new NasException(
                    "XNAS trains only xnas_op edges, but the network has other architecture"
                            + " weights: "
                            + byName.keySet()
                            + ".");
        }
    }

    private static Parameter param(Map<String, Parameter> byName, String key, String name) {
        Parameter p = byName.get(key + "." + name);
        if (p == null) {
            throw new NasException(
                    "The xnas_op edge '" + key + "' has no architecture parameter '" + name + "'.");
        }
        return p;
    }

    @Override
    protected void archStep(StepContext ctx, NDArray valImages, NDArray valLabels) {
        long perEpoch = ctx.stepsPerEpoch();
        long total = (spec().epochs() - warmupEpochs()) * perEpoch;
        long t = ctx.globalStep() - warmupEpochs() * perEpoch + 1;
        try (FrozenGrads f = FrozenGrads.of(weights().list())) {
            backward(ctx.manager(), valImages, valLabels, 1.0);
        }
        int wiped = 0;
        for (Edge e : edges) {
            wiped += update(e, ctx.manager(), t, total);
        }
        if (wiped > 0) {
            LOG.debug("XNAS update {} of {} wiped out {} experts", t, total, wiped);
        }
    }

    /** One edge's exponentiated-gradient update and wipe-out; returns the experts wiped. */
    private int update(Edge e, NDManager m, long t, long total) {
        double[] la = logA.computeIfAbsent(e, x -> toDoubles(x.logWeights().getArray()));
        boolean[] wiped = mask(e.wiped().getArray());
        NDArray g = Grads.of(e.weights(), m);
        float[] grad =
                g == null ? new float[la.length] : g.toType(DataType.FLOAT32, false).toFloatArray();
        double eta = ExpertWeights.eta(la.length, total, bound);
        ExpertWeights.update(la, wiped, ExpertWeights.rewards(grad, bound), eta);
        int n = wipeOut ? ExpertWeights.wipeOut(la, wiped, eta, bound, t, total) : 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < la.length; k++) {
            max = wiped[k] ? max : Math.max(max, la[k]);
        }
        for (int k = 0; k < la.length; k++) {
            la[k] -= max; // a common factor of the a_k changes nothing; keeps the floats small
        }
        double[] w = ExpertWeights.normalized(la, wiped, false);
        float[] wf = new float[la.length];
        float[] lf = new float[la.length];
        float[] mf = new float[la.length];
        for (int k = 0; k < la.length; k++) {
            wf[k] = (float) w[k];
            lf[k] = (float) la[k];
            mf[k] = wiped[k] ? 1f : 0f;
        }
        e.weights().getArray().set(wf);
        e.logWeights().getArray().set(lf);
        e.wiped().getArray().set(mf);
        return n;
    }

    /** Does nothing: {@link #archStep} has already set the expert weights. */
    @Override
    protected void stepArchOptimizer() {}

    /** Restores a checkpoint; the expert weights are then read from the restored parameters. */
    @Override
    public int restore(Path dir) {
        int epoch = super.restore(dir);
        logA.clear();
        return epoch;
    }

    /** The reward bound {@code G}. */
    public double rewardBound() {
        return bound;
    }

    private static double[] toDoubles(NDArray a) {
        float[] f = a.toType(DataType.FLOAT32, false).toFloatArray();
        double[] d = new double[f.length];
        for (int k = 0; k < f.length; k++) {
            d[k] = f[k];
        }
        return d;
    }

    private static boolean[] mask(NDArray a) {
        float[] f = a.toType(DataType.FLOAT32, false).toFloatArray();
        boolean[] b = new boolean[f.length];
        for (int k = 0; k < f.length; k++) {
            b[k] = f[k] >= 0.5f;
        }
        return b;
    }
}
