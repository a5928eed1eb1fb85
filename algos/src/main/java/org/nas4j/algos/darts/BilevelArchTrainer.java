package org.nas4j.algos.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.search.arch.ArchTrainer;
import org.nas4j.search.arch.FrozenGrads;
import org.nas4j.train.StepContext;
import org.nas4j.train.TrainerBuilder;
import org.nas4j.train.optim.Grads;
import org.nas4j.train.optim.NamedParams;
import org.nas4j.train.optim.Sgd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DARTS' bilevel optimisation (Liu et al. 2019, arXiv:1806.09055, section 2.3): the architecture
 * weights descend the validation loss, the ordinary weights the training loss.
 *
 * <p>{@code nas.search.trainer.bilevel.order} chooses the architecture gradient:
 *
 * <ul>
 *   <li>{@code first}: {@code dL_val(w, a)/da} at the current weights; the validation pass runs in
 *       training mode (batch statistics), so BatchNorm's running statistics move with it, as in
 *       DARTS;
 *   <li>{@code second}: the unrolled gradient at {@code w' = w - xi * (momentum * buf + dL_train/dw
 *       + wd * w)} ({@code xi} the weights' current learning rate, {@code buf} the weight
 *       optimizer's momentum buffer): {@code dL_val(w', a)/da - xi * H}, where {@code H} is the
 *       Hessian-vector product {@code (dL_train(w+, a)/da - dL_train(w-, a)/da) / (2 eps)} with
 *       {@code w+- = w +- eps * dw'}, {@code dw' = dL_val(w', a)/dw'} and {@code eps = 0.01 /
 *       ||dw'||}. The weights are restored exactly afterwards, and so are BatchNorm's running
 *       statistics (the virtual points are not training steps).
 * </ul>
 *
 * <p>Passes that need only architecture gradients run with the ordinary weights frozen ({@link
 * FrozenGrads}), which skips every weight-gradient kernel; the pass that needs only weight
 * gradients freezes the architecture weights. The two terms of {@code H} are accumulated into the
 * architecture gradients by scaling their losses, so no gradient is copied between passes.
 */
public class BilevelArchTrainer extends ArchTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(BilevelArchTrainer.class);

    /** Which architecture gradient the step uses. */
    public enum Order {
        /** Gradient of the validation loss at the current weights. */
        FIRST,
        /** Unrolled gradient with the finite-difference Hessian-vector correction. */
        SECOND
    }

    /** Scale of the finite-difference step relative to {@code 1/||dw'||} (the paper's 0.01). */
    static final double EPS_SCALE = 0.01;

    /** Conf key, in the trainer section, of the order of the architecture step. */
    public static final String ORDER_KEY = "bilevel.order";

    private final Order order;
    private double epsScale = EPS_SCALE;

    /**
     * A DARTS trainer of the network in {@code b} with architecture weights {@code archParams} (see
     * {@link ArchTrainer#archParamsOf}) taking steps of {@code order} (from a conf: {@link
     * #orderOf}).
     *
     * @throws ConfException for a missing {@code alpha_optimizer}
     */
    public BilevelArchTrainer(TrainerBuilder b, NamedParams archParams, Order order) {
        super(b, archParams);
        this.order = order;
        if (order == Order.SECOND && !(optimizer() instanceof Sgd)) {
            LOG.warn(
                    "The unrolled (second-order) DARTS step assumes an SGD weight optimizer; with"
                            + " '{}' the virtual step uses no momentum.",
                    optimizer().type());
        }
    }

    /** A DARTS trainer of {@code model} configured by {@code b} (built for that model). */
    public static BilevelArchTrainer of(ModelBlock model, TrainerBuilder b, Order order) {
        return new BilevelArchTrainer(b, archParamsOf(model), order);
    }

    /**
     * Reads {@code bilevel.order} ({@code first} when absent) from a trainer section such as {@code
     * nas.search.trainer}.
     *
     * @throws ConfException naming the key and its file for anything but first or second
     */
    public static Order orderOf(Conf trainer) {
        String s = trainer.getString(ORDER_KEY, "first").trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "first" -> Order.FIRST;
            case "second" -> Order.SECOND;
            default ->
                    throw new ConfException(
                            "The key "
                                    + trainer.where(ORDER_KEY)
                                    + " is '"
                                    + s
                                    + "'; valid values are 'first' and 'second'.");
        };
    }

    /** Sets the finite-difference step to {@code scale / ||dw'||} (tests compare scales). */
    void setEpsScale(double scale) {
        this.epsScale = scale;
    }

    /** The order in use. */
    public Order order() {
        return order;
    }

    @Override
    protected void archStep(StepContext ctx, NDArray valImages, NDArray valLabels) {
        if (order == Order.FIRST) {
            try (FrozenGrads f = FrozenGrads.of(weights().list())) {
                backward(ctx.manager(), valImages, valLabels, 1.0);
            }
        } else {
            try (NDManager scratch = ctx.manager().newSubManager()) {
                unrolledStep(ctx, valImages, valLabels, scratch);
            }
        }
    }

    private void unrolledStep(StepContext ctx, NDArray vx, NDArray vy, NDManager scratch) {
        List<Parameter> ws = weights().list();
        double xi = ctx.lr();
        WeightCopy w = new WeightCopy(ws, scratch);
        WeightCopy stats = new WeightCopy(buffers(), scratch);
        Grads.zero(ws, scratch);
        try (FrozenGrads f = FrozenGrads.of(archParamList())) {
            backward(scratch, ctx.images(), ctx.labels(), 1.0);
        }
        virtualStep(ws, xi, scratch);
        Grads.zero(ws, scratch);
        backward(scratch, vx, vy, 1.0); // alphas get dL_val(w')/da, weights dw'
        List<NDArray> dw = new ArrayList<>(ws.size());
        for (Parameter p : ws) {
            dw.add(Grads.of(p, scratch));
        }
        double norm = globalNorm(dw);
        if (!(norm > 0) || Double.isInfinite(norm)) {
            // no direction to differentiate along (or a broken one): keep the first term only
            LOG.debug("Skipping the Hessian-vector term: ||dw'|| is {}", norm);
            w.restore();
            stats.restore();
            return;
        }
        double r = epsScale / norm;
        accumulateHvp(ctx.images(), ctx.labels(), w, dw, r, -xi, scratch);
        w.restore();
        stats.restore();
    }

    /** Moves the weights to DARTS' virtual point {@code w - xi * (m * buf + g + wd * w)}. */
    private void virtualStep(List<Parameter> ws, double xi, NDManager scratch) {
        Sgd sgd = optimizer() instanceof Sgd s ? s : null;
        double wd = spec().optimizer().decay(); // for weights another optimizer trains
        for (Parameter p : ws) {
            NDArray g = Grads.of(p, scratch);
            if (g == null) {
                continue;
            }
            if (sgd != null) {
                sgd.virtualStep(p, g, xi, scratch);
                continue;
            }
            NDArray a = p.getArray();
            NDArray d = g.duplicate();
            d.attach(scratch);
            if (wd != 0) {
                d.addi(own(a.mul(wd), scratch));
            }
            a.subi(d.muli(xi));
        }
    }

    /**
     * Adds {@code scale} times the finite-difference Hessian-vector product {@code (dL_train(w + r
     * v)/da - dL_train(w - r v)/da) / (2 r)} to the architecture gradients, where {@code w} is
     * {@code base}; the weights are left at {@code base + r v}'s counterpart {@code base - r v}, so
     * callers restore them. Runs with the ordinary weights frozen.
     */
    void accumulateHvp(
            NDArray x,
            NDArray y,
            WeightCopy base,
            List<NDArray> v,
            double r,
            double scale,
            NDManager scratch) {
        try (FrozenGrads f = FrozenGrads.of(weights().list())) {
            base.moveAlong(v, r, scratch);
            backward(scratch, x, y, scale / (2 * r));
            base.moveAlong(v, -r, scratch);
            backward(scratch, x, y, -scale / (2 * r));
        }
    }

    /**
     * The finite-difference Hessian-vector product {@code (dL_train(w + r v)/da - dL_train(w - r
     * v)/da) / (2 r)} on {@code (x, y)} at the current weights, one array per architecture weight
     * (owned by {@code scratch}); the weights are restored exactly and the architecture gradients
     * are left holding the result. Visible for tests, which choose {@code r}.
     */
    List<NDArray> hessianVectorProduct(
            NDArray x, NDArray y, List<NDArray> v, double r, NDManager scratch) {
        WeightCopy base = new WeightCopy(weights().list(), scratch);
        WeightCopy stats = new WeightCopy(buffers(), scratch);
        Grads.zero(archParamList(), scratch);
        accumulateHvp(x, y, base, v, r, 1.0, scratch);
        base.restore();
        stats.restore();
        List<NDArray> out = new ArrayList<>();
        for (Parameter a : archParamList()) {
            NDArray g = Grads.of(a, scratch).duplicate();
            g.attach(scratch);
            out.add(g);
        }
        return out;
    }

    /** Model parameters outside the weights: BatchNorm running statistics and frozen ones. */
    private List<Parameter> buffers() {
        Set<Parameter> trained = Collections.newSetFromMap(new IdentityHashMap<>());
        trained.addAll(weights().list());
        List<Parameter> out = new ArrayList<>();
        for (Parameter p : modelParams().list()) {
            if (p.isInitialized() && !trained.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static double globalNorm(List<NDArray> arrays) {
        NDList norms = new NDList();
        for (NDArray a : arrays) {
            if (a != null) {
                norms.add(a.norm());
            }
        }
        return NDArrays.stack(norms).norm().toType(DataType.FLOAT64, false).getDouble();
    }

    private static NDArray own(NDArray a, NDManager scratch) {
        a.attach(scratch);
        return a;
    }
}
