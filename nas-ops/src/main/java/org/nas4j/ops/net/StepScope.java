package org.nas4j.ops.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDResource;
import ai.djl.nn.Parameter;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner of every array one training or evaluation step creates, so that memory stays flat over
 * thousands of steps.
 *
 * <p>DJL puts the result of an op in the manager of its first operand. Data created in the step's
 * manager keeps everything computed from it there, but three kinds of arrays land in the model's
 * long-lived manager and must be re-attached with {@link #own} (or fetched through this class):
 *
 * <ul>
 *   <li>results computed from a parameter first ({@code softmax(alpha)}, {@code w.mul(decay)}); an
 *       op that derives such a value re-attaches it to its input's manager;
 *   <li>gradient handles: {@code getGradient()} returns a new handle on each call, owned by the
 *       parameter's manager ({@link #grad});
 *   <li>anything else created from the model's manager directly.
 * </ul>
 *
 * <pre>{@code
 * for (HostBatch batch : batches) {
 *     try (StepScope step = StepScope.open(modelManager)) {
 *         NDArray x = step.manager().create(batch.images(), shape);
 *         try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
 *             NDArray loss = lossOf(model.forward(ps, new NDList(x), true), y);
 *             gc.backward(loss);
 *         }
 *         for (Parameter w : model.weights()) {
 *             w.getArray().subi(step.grad(w).mul(lr)); // grad mode is off outside the collector
 *         }
 *         step.zeroGradients(model.weights());
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #liveArrays(NDManager)} is the cheap leak check: it must not grow from one step to the
 * next.
 */
public final class StepScope implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StepScope.class);

    private final NDManager modelManager;
    private final NDManager manager;
    private final int arraysAtOpen;
    private final boolean checkLeaks;

    private StepScope(NDManager modelManager, boolean checkLeaks) {
        this.modelManager = modelManager;
        this.checkLeaks = checkLeaks;
        this.arraysAtOpen = checkLeaks ? liveArrays(modelManager) : 0;
        this.manager = modelManager.newSubManager();
    }

    /** Opens a step whose arrays live in a new sub-manager of {@code modelManager}. */
    public static StepScope open(NDManager modelManager) {
        return new StepScope(modelManager, false);
    }

    /**
     * Like {@link #open}, and on {@link #close()} logs a warning when the model's manager holds
     * more arrays than when the step began (some result was not re-attached). It costs one walk
     * over the model's arrays per step.
     */
    public static StepScope openChecked(NDManager modelManager) {
        return new StepScope(modelManager, true);
    }

    /** The step's manager: create the step's data here. */
    public NDManager manager() {
        return manager;
    }

    /** Moves {@code resource} into the step's manager so that it is closed with the step. */
    public <T extends NDResource> T own(T resource) {
        resource.attach(manager);
        return resource;
    }

    /** The gradient of {@code p}, as a handle the step owns. */
    public NDArray grad(Parameter p) {
        return own(p.getArray().getGradient());
    }

    /**
     * Sets the gradients of {@code params} to zero (they accumulate across backward passes until
     * zeroed), without leaving gradient handles behind.
     */
    public void zeroGradients(Collection<Parameter> params) {
        for (Parameter p : params) {
            NDArray w = p.getArray();
            if (w.hasGradient()) {
                NDArray g = grad(p);
                g.subi(g);
            }
        }
    }

    /**
     * The number of arrays {@code manager} and its open sub-managers hold; across steps, for the
     * model's manager, it must stay constant.
     */
    public static int liveArrays(NDManager manager) {
        return manager.getManagedArrays().size();
    }

    /** Closes every array of the step. */
    @Override
    public void close() {
        manager.close();
        if (checkLeaks) {
            int now = liveArrays(modelManager);
            if (now > arraysAtOpen) {
                LOG.warn(
                        "The model's manager holds {} arrays after this step, {} more than before"
                                + " it: a result computed from a parameter or a gradient handle"
                                + " was not re-attached to the step's manager.",
                        now,
                        now - arraysAtOpen);
            }
        }
    }
}
