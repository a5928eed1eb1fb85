package org.nas4j.search.arch;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.nas4j.core.ConfException;
import org.nas4j.core.NasException;
import org.nas4j.ops.Scalars;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.train.StepContext;
import org.nas4j.train.StepResult;
import org.nas4j.train.Trainer;
import org.nas4j.train.TrainerBuilder;
import org.nas4j.train.TrainerSpec;
import org.nas4j.train.data.BatchStream;
import org.nas4j.train.data.HostBatch;
import org.nas4j.train.optim.Grads;
import org.nas4j.train.optim.NamedParams;
import org.nas4j.train.optim.OptimizerSpec;

/**
 * A trainer that also learns architecture weights: before each weight step it takes the next
 * validation batch and lets the algorithm's {@link #archStep} compute the architecture gradients,
 * then applies the architecture optimizer.
 *
 * <p>The architecture weights have their own optimizer, built from the trainer conf's {@code
 * alpha_optimizer} (DARTS: Adam, lr 3e-4, betas 0.5/0.999, weight decay 1e-3) and stepped at its
 * constant learning rate; the weight optimizer never sees them, and they are frozen during the
 * weight step so its backward pass spends nothing on them. Validation batches come from the stream
 * given to {@code fit} as the validation split, walked epoch after epoch of that stream and
 * positioned by the global step, so a resumed run draws the same batches; checkpoints hold the
 * architecture weights and their optimizer's state.
 *
 * <pre>{@code
 * class MyArchTrainer extends ArchTrainer {
 *     MyArchTrainer(TrainerBuilder b, NamedParams arch) { super(b, arch); }
 *     protected void archStep(StepContext ctx, NDArray valImages, NDArray valLabels) {
 *         try (FrozenGrads f = FrozenGrads.of(weights().list())) {
 *             backward(ctx.manager(), valImages, valLabels, 1.0); // gradients of the alphas
 *         }
 *     }
 * }
 * }</pre>
 */
public abstract class ArchTrainer extends Trainer {
    private final List<Parameter> archList;
    private final double archLr;

    /** Conf key of the epochs without architecture steps at the start of a search. */
    public static final String WARMUP_KEY = TrainerSpec.ARCH_WARMUP_KEY;

    private final int warmupEpochs;
    private final ValBatches valBatches = new ValBatches();

    /**
     * A trainer configured by {@code b} whose architecture weights are {@code archParams}, named as
     * checkpoints and {@code alphas.jsonl} call them (see {@link #archParamsOf}).
     *
     * @throws ConfException when the trainer conf has no {@code alpha_optimizer}
     * @throws NasException when there are no architecture weights
     */
    protected ArchTrainer(TrainerBuilder b, NamedParams archParams) {
        super(withArchOptimizer(b, archParams));
        this.archList = archParams.list();
        this.archLr = b.spec().alphaOptimizer().lr();
        this.warmupEpochs = b.spec().archWarmupEpochs();
    }

    private static TrainerBuilder withArchOptimizer(TrainerBuilder b, NamedParams archParams) {
        OptimizerSpec alpha = b.spec().alphaOptimizer();
        if (alpha == null) {
            throw new ConfException(
                    "An architecture trainer needs the section 'nas.search.trainer.alpha_optimizer'"
                            + " (e.g. {type: adam, lr: 0.0003, betas: [0.5, 0.999], decay: 0.001});"
                            + " the trainer conf has none.");
        }
        if (archParams.isEmpty()) {
            throw new NasException(
                    "An architecture trainer was given no architecture weights; the model desc"
                            + " has no op with architecture weights (such as mixed_op).");
        }
        return b.optArchParams(archParams, alpha.create());
    }

    /** The architecture weights of {@code model}, named by their keys ({@code cell0.node0...}). */
    public static NamedParams archParamsOf(ModelBlock model) {
        return NamedParams.of(model.archParams().asMap());
    }

    /**
     * Computes the gradients of the architecture weights for this step; {@link ArchTrainer} has
     * zeroed them before and applies the architecture optimizer after. Put every array in {@code
     * ctx.manager()} or a sub-manager of it, and leave the ordinary weights as they were.
     *
     * @param ctx the training step (its batch is the training batch)
     * @param valImages the next validation batch's images, in {@code ctx.manager()}
     * @param valLabels its labels
     */
    protected abstract void archStep(StepContext ctx, NDArray valImages, NDArray valLabels);

    @Override
    protected StepResult trainStep(StepContext ctx) {
        beforeWeightStep(ctx);
        try (FrozenGrads f = FrozenGrads.of(archList)) {
            return weightStep(ctx);
        }
    }

    @Override
    protected final void beforeWeightStep(StepContext ctx) {
        if (ctx.epoch() < warmupEpochs) {
            return; // the ordinary weights learn first, so cheap parameter-free ops do not win
            // early
        }
        HostBatch b = valBatches.next();
        NDManager m = ctx.manager();
        NDArray x = m.create(b.images(), new Shape(b.n(), b.c(), b.h(), b.w()));
        NDArray y = m.create(b.labels());
        Grads.zero(archList, m);
        archStep(ctx, x, y);
        stepArchOptimizer();
    }

    /**
     * Applies the architecture optimizer to the gradients {@link #archStep} left, at its constant
     * learning rate. An algorithm whose {@code archStep} updates its architecture weights itself
     * (XNAS's exponentiated-gradient step) overrides this to do nothing, so no optimizer, weight
     * decay or momentum touches them.
     */
    protected void stepArchOptimizer() {
        archOptimizer().step(archList, archLr);
    }

    /** Epochs at the start of the search without architecture steps ({@value #WARMUP_KEY}). */
    protected int warmupEpochs() {
        return warmupEpochs;
    }

    @Override
    protected void onEpochBegin(int epoch, BatchStream train, BatchStream valOrNull) {
        if (valOrNull == null) {
            throw new NasException(
                    "An architecture trainer needs a validation stream for its architecture steps;"
                            + " fit(train, val) was called without one.");
        }
        valBatches.seek(valOrNull, globalStep());
    }

    @Override
    protected void onEpochFinish(int epoch) {
        if (epoch == spec().epochs() - 1) {
            valBatches.close();
        }
    }

    /**
     * One forward and backward pass of the training loss on {@code (x, y)} in training mode, its
     * loss scaled by {@code scale}; gradients add to those already stored. The pass's arrays live
     * in a sub-manager of {@code parent} closed before returning ({@code x} and {@code y} go back
     * to their own manager), so several passes in one step do not pile up activations. Nothing
     * waits for the device: the loss is not read back.
     */
    protected void backward(NDManager parent, NDArray x, NDArray y, double scale) {
        try (NDManager pass = parent.newSubManager()) {
            x.tempAttach(pass);
            y.tempAttach(pass);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = loss(forward(pass, x, true), y);
                gc.backward(Scalars.times(loss, scale));
            }
        }
    }

    /** The architecture weights, in checkpoint order. */
    public List<Parameter> archParamList() {
        return archList;
    }

    /** The architecture optimizer's (constant) learning rate. */
    public double archLr() {
        return archLr;
    }

    @Override
    public void close() {
        valBatches.close();
        super.close();
    }
}
