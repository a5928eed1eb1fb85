package org.nas4j.train.optim;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.NasException;
import org.nas4j.train.optim.TensorIo.HostTensor;

/**
 * The state of an optimizer on the host, keyed by parameter name: what a checkpoint stores.
 *
 * @param type the optimizer's type name ({@code sgd}, {@code adam})
 * @param entries per parameter: its step count and state tensors (momentum buffer; Adam's moments)
 */
public record OptimizerState(String type, Map<String, Entry> entries) {
    /**
     * Format version of {@link #write}: 2 adds each entry's scale (its tensors are stored times it:
     * SGD keeps its momentum buffer times the last learning rate); 1 is read with scale 1.
     */
    public static final int VERSION = 2;

    /**
     * The state of one parameter.
     *
     * @param step number of updates applied to it
     * @param tensors its state tensors, each of the parameter's shape
     * @param scale the factor the tensors are stored times (1 unless the optimizer keeps its state
     *     scaled; version 1 files read as 1)
     */
    public record Entry(long step, List<HostTensor> tensors, double scale) {
        public Entry {
            tensors = List.copyOf(tensors);
        }
    }

    public OptimizerState {
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /**
     * Checks that this state fits an optimizer of {@code expectedType} over {@code params}.
     *
     * @throws NasException naming the first mismatch (type, unknown name or shape)
     */
    public void checkFits(String expectedType, NamedParams params) {
        if (!type.equals(expectedType)) {
            throw new NasException(
                    "Saved optimizer state is for '"
                            + type
                            + "' but the optimizer is '"
                            + expectedType
                            + "'; the checkpoint comes from another configuration.");
        }
        Map<String, ai.djl.nn.Parameter> byName = params.asMap();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            ai.djl.nn.Parameter p = byName.get(e.getKey());
            if (p == null) {
                throw new NasException(
                        "Saved "
                                + type
                                + " state names parameter '"
                                + e.getKey()
                                + "', which the model does not have; the checkpoint comes from"
                                + " another model.");
            }
            for (HostTensor t : e.getValue().tensors()) {
                if (!t.shape().equals(p.getShape())) {
                    throw new NasException(
                            "Saved "
                                    + type
                                    + " state of parameter '"
                                    + e.getKey()
                                    + "' has shape "
                                    + t.shape()
                                    + " but the parameter has shape "
                                    + p.getShape()
                                    + "; the checkpoint comes from another model.");
                }
            }
        }
    }

    /** Writes this state. */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(VERSION);
        TensorIo.writeString(out, type);
        out.writeInt(entries.size());
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            TensorIo.writeString(out, e.getKey());
            out.writeLong(e.getValue().step());
            out.writeDouble(e.getValue().scale());
            out.writeInt(e.getValue().tensors().size());
            for (HostTensor t : e.getValue().tensors()) {
                TensorIo.write(out, t);
            }
        }
    }

    /** Reads a state written by {@link #write}. */
    public static OptimizerState read(DataInputStream in) throws IOException {
        int version = in.readInt();
        if (version < 1 || version > VERSION) {
            throw new NasException(
                    "Optimizer state has format version "
                            + version
                            + "; this nas4j reads versions 1 to "
                            + VERSION
                            + ".");
        }
        String type = TensorIo.readString(in);
        int n = in.readInt();
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = TensorIo.readString(in);
            long step = in.readLong();
            double scale = version >= 2 ? in.readDouble() : 1;
            int k = in.readInt();
            List<HostTensor> ts = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                ts.add(TensorIo.read(in));
            }
            entries.put(name, new Entry(step, ts, scale));
        }
        return new OptimizerState(type, entries);
    }
}
