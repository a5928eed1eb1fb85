package org.nas4j.algos.didarts;

import ai.djl.nn.Parameter;
import java.util.List;
import org.nas4j.core.ConfException;
import org.nas4j.core.NasException;
import org.nas4j.search.arch.FrozenGrads;
import org.nas4j.train.StepContext;
import org.nas4j.train.StepResult;
import org.nas4j.train.Trainer;
import org.nas4j.train.TrainerBuilder;
import org.nas4j.train.optim.Grads;
import org.nas4j.train.optim.LrSchedule;
import org.nas4j.train.optim.NamedParams;
import org.nas4j.train.optim.OptimizerSpec;

/**
 * Single-level architecture training (Archai's didarts): each step runs one forward and backward
 * pass of the training batch, which fills the gradients of the ordinary weights and of the
 * architecture weights alike; the weight optimizer then steps the weights (clipped as usual) and
 * the architecture optimizer ({@code nas.search.trainer.alpha_optimizer}, Archai: SGD, lr 0.025,
 * momentum 0.9) steps the alphas from the same pass. No validation batch is drawn for the
 * architecture; a validation stream given to {@code fit} is only evaluated for reporting.
 *
 * <p>The alphas' learning rate follows the weights' {@code lr_schedule} from the alpha optimizer's
 * own base rate (Archai: cosine, like the weights). During {@code arch_warmup_epochs} the alphas
 * are frozen. The alphas and their optimizer's state are saved in checkpoints, so a resumed search
 * continues exactly.
 */
public class DidartsTrainer extends Trainer {
    private final List<Parameter> archList;
    private final LrSchedule alphaSchedule;
    private final int warmupEpochs;

    /**
     * A single-level trainer of the network in {@code b} with architecture weights {@code
     * archParams}.
     *
     * @throws ConfException when the trainer conf has no {@code alpha_optimizer} or a bad {@code
     *     arch_warmup_epochs}
     * @throws NasException when there are no architecture weights
     */
    public DidartsTrainer(TrainerBuilder b, NamedParams archParams) {
        super(withAlphaOptimizer(b, archParams));
        this.archList = archParams.list();
        this.alphaSchedule =
                b.spec().lrSchedule().create(b.spec().alphaOptimizer().lr(), b.spec().epochs());
        this.warmupEpochs = b.spec().archWarmupEpochs();
    }

    private static TrainerBuilder withAlphaOptimizer(TrainerBuilder b, NamedParams archParams) {
        OptimizerSpec alpha = b.spec().alphaOptimizer();
        if (alpha == null) {
            throw new ConfException(
                    "didarts needs the section 'nas.search.trainer.alpha_optimizer' (e.g. {type:"
                            + " sgd, lr: 0.025, momentum: 0.9}); the trainer conf has none.");
        }
        if (archParams.isEmpty()) {
            throw new NasException(
                    "didarts was given no architecture weights; the model desc has no op with"
                            + " architecture weights (such as mixed_op).");
        }
        return b.optArchParams(archParams, alpha.create());
    }

    @Override
    protected StepResult trainStep(StepContext ctx) {
        if (ctx.epoch() < warmupEpochs) {
            try (FrozenGrads f = FrozenGrads.of(archList)) {
                return weightStep(ctx);
            }
        }
        // the weight step's backward also reaches the alphas: that is the single-level gradient
        Grads.zero(archList, ctx.manager());
        StepResult r = weightStep(ctx);
        if (Double.isFinite(r.loss())) {
            archOptimizer().step(archList, alphaLr(ctx));
        }
        return r;
    }

    /** The alphas' learning rate at this step. */
    double alphaLr(StepContext ctx) {
        return alphaSchedule.lr(ctx.epoch(), ctx.step(), ctx.stepsPerEpoch());
    }

    /** The architecture weights, in checkpoint order. */
    public List<Parameter> archParamList() {
        return archList;
    }
}
