package org.nas4j.algos.petridish;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import java.util.List;
import org.nas4j.core.ConfException;
import org.nas4j.ops.Scalars;
import org.nas4j.train.StepContext;
import org.nas4j.train.StepResult;
import org.nas4j.train.Trainer;
import org.nas4j.train.TrainerBuilder;
import org.nas4j.train.optim.Grads;
import org.nas4j.train.optim.NamedParams;
import org.nas4j.train.optim.OptimizerSpec;

/**
 * Trains a Petridish child: the candidate weights learn together with the ordinary weights on the
 * same training batches (one level, as in the paper), from a loss that adds {@code l1} times the
 * sum of their absolute values, so that few (input, op) pairs stay strong. They have their own
 * optimizer ({@code alpha_optimizer}) at its constant rate and start after {@code
 * arch_warmup_epochs}; the weight optimizer and gradient clipping never see them.
 */
public class PetridishTrainer extends Trainer {
    private final List<Parameter> candidates;
    private final double l1;
    private final double archLr;
    private final int warmupEpochs;

    /**
     * @param b the configured builder
     * @param candidateWeights the candidate nodes' weights
     * @param l1 the L1 penalty on them (the paper: 1e-3)
     */
    public PetridishTrainer(TrainerBuilder b, NamedParams candidateWeights, double l1) {
        super(withOptimizer(b, candidateWeights));
        this.candidates = candidateWeights.list();
        this.l1 = l1;
        this.archLr = b.spec().alphaOptimizer().lr();
        this.warmupEpochs = b.spec().archWarmupEpochs();
    }

    private static TrainerBuilder withOptimizer(TrainerBuilder b, NamedParams weights) {
        OptimizerSpec alpha = b.spec().alphaOptimizer();
        if (alpha == null) {
            throw new ConfException(
                    "Petridish trains its candidate weights with 'nas.search.trainer"
                            + ".alpha_optimizer' (e.g. {type: adam, lr: 0.003, betas: [0.5, 0.999],"
                            + " decay: 0.0}); the trainer conf has none.");
        }
        return b.optArchParams(weights, alpha.create());
    }

    @Override
    protected StepResult trainStep(StepContext ctx) {
        boolean learn = ctx.epoch() >= warmupEpochs;
        Grads.zero(candidates, ctx.manager());
        StepResult r = weightStep(ctx); // its backward reaches the candidate weights too
        if (learn) {
            archOptimizer().step(candidates, archLr);
        }
        return r;
    }

    /** Cross entropy (and aux loss) plus {@code l1 * sum |w|} over the candidate weights. */
    @Override
    public NDArray loss(NDList out, NDArray labels) {
        NDArray loss = super.loss(out, labels);
        if (l1 == 0) {
            return loss;
        }
        NDArray sum = null;
        for (Parameter p : candidates) {
            NDArray abs = p.getArray().abs(); // computed from a parameter: move it to the step
            abs.attach(labels.getManager());
            NDArray s = abs.sum();
            sum = sum == null ? s : sum.add(s);
        }
        return loss.add(Scalars.times(sum, l1));
    }
}
