package org.nas4j.train.optim;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * An optimizer whose state nas4j owns, so checkpoints can save and restore it.
 *
 * <p>Call {@link #step} outside a {@code GradientCollector} (grad mode off), after the backward
 * pass: it reads each parameter's gradient and updates the parameter in place. State is created on
 * a parameter's first update and lives in a manager the optimizer owns until {@link #close()}.
 *
 * <pre>{@code
 * try (NasOptimizer opt = OptimizerSpec.fromConf(conf.child("nas.search.trainer.optimizer")).create()) {
 *     ... backward ...
 *     opt.step(params, schedule.lr(epoch, step, stepsPerEpoch));
 *     opt.zeroGrad(params);
 * }
 * }</pre>
 */
public interface NasOptimizer extends AutoCloseable {
    /** The type name saved with the state ({@code sgd}, {@code adam}). */
    String type();

    /**
     * Updates every parameter of {@code params} that has a gradient, with learning rate {@code lr}.
     */
    void step(List<Parameter> params, double lr);

    /** Sets the gradients of {@code params} to zero. */
    default void zeroGrad(List<Parameter> params) {
        try (NDManager scratch = NDManager.newBaseManager()) {
            Grads.zero(params, scratch);
        }
    }

    /** A host copy of the state of {@code params}, keyed by their names. */
    OptimizerState state(NamedParams params);

    /**
     * Replaces the state of {@code params} with {@code state}; nothing changes when it does not
     * fit.
     *
     * @throws org.nas4j.core.NasException naming the first mismatch
     */
    void loadState(OptimizerState state, NamedParams params);

    /** Writes the state of {@code params} (see {@link OptimizerState#write}). */
    default void saveState(DataOutputStream out, NamedParams params) throws IOException {
        state(params).write(out);
    }

    /** Reads state written by {@link #saveState} into {@code params}. */
    default void loadState(DataInputStream in, NamedParams params) throws IOException {
        loadState(OptimizerState.read(in), params);
    }

    /** Frees the state arrays. */
    @Override
    void close();
}
