package org.nas4j.core.desc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A whole network: model stems, cells, optional aux towers, final pool and logits op.
 *
 * <p>{@code modelStems} holds two stems producing the first two cell inputs. {@code auxTowers} has
 * one entry per cell, {@code null} where a cell has no aux tower. {@code inputShape} is (C, H, W)
 * of one sample. {@code params} holds free-form JSON-friendly values (for instance the algorithm
 * name), normalised like {@link OpDesc#params()}.
 */
public record ModelDesc(
        List<OpDesc> modelStems,
        List<CellDesc> cells,
        List<AuxTowerDesc> auxTowers,
        OpDesc poolOp,
        OpDesc logitsOp,
        int nClasses,
        List<Integer> inputShape,
        Map<String, Object> params) {

    /** Format tag written into every saved model description. */
    public static final String FORMAT = "nas4j.model_desc";

    /** Current version of the saved format. */
    public static final int VERSION = 1;

    public ModelDesc {
        modelStems = List.copyOf(modelStems);
        cells = List.copyOf(cells);
        auxTowers = Collections.unmodifiableList(new ArrayList<>(auxTowers)); // may hold nulls
        Objects.requireNonNull(poolOp, "poolOp");
        Objects.requireNonNull(logitsOp, "logitsOp");
        inputShape = List.copyOf(inputShape);
        params =
                params == null
                        ? Map.of()
                        : OpDesc.of("_", ConvMacroParams.of(0), 1, false)
                                .withParams(params)
                                .params();
    }

    public ModelDesc withCells(List<CellDesc> newCells) {
        return new ModelDesc(
                modelStems, newCells, auxTowers, poolOp, logitsOp, nClasses, inputShape, params);
    }

    public ModelDesc withAuxTowers(List<AuxTowerDesc> newAux) {
        return new ModelDesc(
                modelStems, cells, newAux, poolOp, logitsOp, nClasses, inputShape, params);
    }

    /** A copy with one free-form parameter added or replaced. */
    public ModelDesc withParam(String key, Object value) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.put(key, value);
        return new ModelDesc(
                modelStems, cells, auxTowers, poolOp, logitsOp, nClasses, inputShape, p);
    }
}
