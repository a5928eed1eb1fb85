package org.nas4j.ops;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.NasException;

/**
 * The architecture weights of a network, kept apart from its ordinary weights.
 *
 * <p>An op that owns architecture weights (a mixed op's alphas) asks for them by key with {@link
 * #getOrCreate}; a second op asking for the same key gets the same {@link Parameter}, which is how
 * cells that share {@code trainablesFrom} share their weights. The parameters are not added to any
 * block, so {@code Block.getParameters()} lists only ordinary weights and two optimizers can update
 * the two sets independently.
 */
public final class ArchParams {
    private final Map<String, Parameter> params = new LinkedHashMap<>();

    /**
     * The parameter named {@code key}, created with {@code shape} and {@code init} if new.
     *
     * @throws NasException if it exists with another shape
     */
    public Parameter getOrCreate(String key, Shape shape, Initializer init) {
        Parameter p = params.get(key);
        if (p == null) {
            p =
                    Parameter.builder()
                            .setName(key)
                            .setType(Parameter.Type.WEIGHT)
                            .optShape(shape)
                            .optInitializer(init)
                            .optRequiresGrad(true)
                            .build();
            params.put(key, p);
        } else if (!shape.equals(p.getShape())) {
            throw new NasException(
                    "Architecture weights '"
                            + key
                            + "' exist with shape "
                            + p.getShape()
                            + " but were asked for with shape "
                            + shape
                            + "; cells sharing weights must have the same edges and ops.");
        }
        return p;
    }

    /** Allocates every parameter that has no array yet in {@code manager}. */
    public void initialize(NDManager manager, DataType dataType) {
        for (Parameter p : params.values()) {
            if (!p.isInitialized()) {
                p.initialize(manager, dataType);
            }
        }
    }

    /** The parameter named {@code key}, or {@code null}. */
    public Parameter get(String key) {
        return params.get(key);
    }

    /** Every architecture parameter by key, in creation order. */
    public Map<String, Parameter> asMap() {
        return Collections.unmodifiableMap(params);
    }

    /** Every architecture parameter in creation order. */
    public List<Parameter> list() {
        return new ArrayList<>(params.values());
    }

    /** Number of scalar architecture weights. */
    public long size() {
        long n = 0;
        for (Parameter p : params.values()) {
            n += p.getShape() == null ? 0 : p.getShape().size();
        }
        return n;
    }

    public boolean isEmpty() {
        return params.isEmpty();
    }
}
