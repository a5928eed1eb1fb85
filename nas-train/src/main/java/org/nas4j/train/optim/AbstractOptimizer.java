package org.nas4j.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.NasException;
import org.nas4j.train.optim.TensorIo.HostTensor;

/**
 * Bookkeeping shared by nas4j's optimizers: per-parameter state slots in an owned manager, scratch
 * managers for each step, and saving and loading the state by parameter name.
 *
 * <p>A subclass says how many state tensors a parameter needs and implements {@link #update}.
 */
public abstract class AbstractOptimizer implements NasOptimizer {
    /** The state of one parameter: its update count and state tensors. */
    protected static final class Slot {
        /** Updates applied so far (incremented before {@link #update} is called). */
        public long step;

        /** State tensors, each of the parameter's shape, zero-initialised. */
        public final NDArray[] buffers;

        /**
         * The factor the subclass keeps its state tensors scaled by (1: stored as the subclass
         * documents them); {@link #stateTensor} undoes it. Saved and loaded with the tensors.
         */
        public double scale = 1;

        Slot(NDArray[] buffers) {
            this.buffers = buffers;
        }
    }

    private final Map<String, Slot> slots = new HashMap<>();
    private NDManager manager;

    /** Number of state tensors per parameter. */
    protected abstract int buffersPerParam();

    /**
     * Updates {@code weight} in place from {@code grad}. Results of operations whose first operand
     * is {@code weight} or a state tensor land in that long-lived manager: pass them through {@link
     * #own} so they are freed with {@code scratch}. Never change {@code grad} in place.
     */
    protected abstract void update(
            NDArray weight, NDArray grad, Slot slot, double lr, NDManager scratch);

    /** Moves {@code a} into {@code scratch} and returns it. */
    protected static NDArray own(NDArray a, NDManager scratch) {
        a.attach(scratch);
        return a;
    }

    @Override
    public void step(List<Parameter> params, double lr) {
        if (params.isEmpty()) {
            return;
        }
        try (NDManager scratch = manager(params.get(0)).newSubManager()) {
            for (Parameter p : params) {
                NDArray g = Grads.of(p, scratch);
                if (g == null) {
                    continue;
                }
                Slot s = slot(p);
                s.step++;
                update(p.getArray(), g, s, lr, scratch);
            }
        }
    }

    /**
     * State tensor {@code i} of {@code slot} as the subclass documents it: the buffer itself when
     * {@code slot.scale} is 1, else the buffer divided by it, in {@code scratch}.
     */
    protected NDArray stateTensor(Slot slot, int i, NDManager scratch) {
        NDArray b = slot.buffers[i];
        return slot.scale == 1 ? b : own(b.div(slot.scale), scratch);
    }

    private NDManager manager(Parameter p) {
        if (manager == null) {
            manager = NDManager.newBaseManager(p.getArray().getDevice());
        }
        return manager;
    }

    private Slot slot(Parameter p) {
        return slots.computeIfAbsent(
                p.getId(),
                id -> {
                    NDArray w = p.getArray();
                    NDArray[] b = new NDArray[buffersPerParam()];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = manager(p).zeros(w.getShape(), w.getDataType(), w.getDevice());
                    }
                    return new Slot(b);
                });
    }

    /** The state of {@code p}, or {@code null} before its first update. */
    protected final Slot slotOf(Parameter p) {
        return slots.get(p.getId());
    }

    @Override
    public OptimizerState state(NamedParams params) {
        Map<String, OptimizerState.Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            Slot s = slots.get(params.get(i).getId());
            if (s == null) {
                continue;
            }
            List<HostTensor> ts = new ArrayList<>();
            for (NDArray b : s.buffers) {
                ts.add(TensorIo.toHost(b, params.name(i)));
            }
            // as kept, scale included: a resumed run continues bit-identically
            entries.put(params.name(i), new OptimizerState.Entry(s.step, ts, s.scale));
        }
        return new OptimizerState(type(), entries);
    }

    @Override
    public void loadState(OptimizerState state, NamedParams params) {
        state.checkFits(type(), params);
        for (Map.Entry<String, OptimizerState.Entry> e : state.entries().entrySet()) {
            if (e.getValue().tensors().size() != buffersPerParam()) {
                throw new NasException(
                        "Saved "
                                + type()
                                + " state of parameter '"
                                + e.getKey()
                                + "' has "
                                + e.getValue().tensors().size()
                                + " tensors where this optimizer keeps "
                                + buffersPerParam()
                                + " (another momentum setting?).");
            }
        }
        Map<String, Parameter> byName = params.asMap();
        for (Parameter p : params.list()) {
            Slot old = slots.remove(p.getId());
            if (old != null) {
                for (NDArray b : old.buffers) {
                    b.close();
                }
            }
        }
        for (Map.Entry<String, OptimizerState.Entry> e : state.entries().entrySet()) {
            Parameter p = byName.get(e.getKey());
            Slot s = slot(p);
            s.step = e.getValue().step();
            s.scale = e.getValue().scale();
            for (int i = 0; i < s.buffers.length; i++) {
                s.buffers[i].set(e.getValue().tensors().get(i).data());
            }
        }
    }

    @Override
    public void close() {
        slots.clear();
        if (manager != null) {
            manager.close();
            manager = null;
        }
    }
}
