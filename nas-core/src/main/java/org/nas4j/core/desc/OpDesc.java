package org.nas4j.core.desc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What op to build: its registry name, channels, stride, BatchNorm affinity and op-specific
 * parameters; composite ops (such as {@code multi_op}) have children with their chosen inputs.
 *
 * <p>{@code params} values are JSON-friendly: {@code String}, {@code Boolean}, {@code Double}
 * (every number is normalised to a double so that a saved and reloaded desc is equal to the
 * original), or lists of those. {@code trainables} carries architecture weights by name (for
 * instance the alphas of a {@code mixed_op}) when a search desc is saved with them.
 *
 * @param name registry name, e.g. {@code sep_conv_3x3}
 * @param conv input and output channels
 * @param stride spatial stride (1 or 2)
 * @param affine whether BatchNorm layers learn scale and shift (true in evaluation)
 * @param inLen number of input tensors the op takes
 * @param params op-specific parameters
 * @param children child ops of a composite op
 * @param childrenIns for each child, the indices of the op's inputs it reads
 * @param trainables saved architecture weights by name, flattened
 */
public record OpDesc(
        String name,
        ConvMacroParams conv,
        int stride,
        boolean affine,
        int inLen,
        Map<String, Object> params,
        List<OpDesc> children,
        List<List<Integer>> childrenIns,
        Map<String, List<Double>> trainables) {

    public OpDesc {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(conv, "conv");
        params = normaliseMap(params == null ? Map.of() : params);
        children = children == null ? List.of() : List.copyOf(children);
        childrenIns =
                childrenIns == null ? List.of() : childrenIns.stream().map(List::copyOf).toList();
        trainables =
                trainables == null
                        ? Map.of()
                        : java.util.Collections.unmodifiableMap(copyTrainables(trainables));
    }

    /** A single-input op with no extra parameters. */
    public static OpDesc of(String name, ConvMacroParams conv, int stride, boolean affine) {
        return new OpDesc(name, conv, stride, affine, 1, Map.of(), List.of(), List.of(), Map.of());
    }

    public OpDesc withName(String newName) {
        return new OpDesc(
                newName, conv, stride, affine, inLen, params, children, childrenIns, trainables);
    }

    public OpDesc withConv(ConvMacroParams newConv) {
        return new OpDesc(
                name, newConv, stride, affine, inLen, params, children, childrenIns, trainables);
    }

    public OpDesc withStride(int newStride) {
        return new OpDesc(
                name, conv, newStride, affine, inLen, params, children, childrenIns, trainables);
    }

    public OpDesc withAffine(boolean newAffine) {
        return new OpDesc(
                name, conv, stride, newAffine, inLen, params, children, childrenIns, trainables);
    }

    public OpDesc withInLen(int newInLen) {
        return new OpDesc(
                name, conv, stride, affine, newInLen, params, children, childrenIns, trainables);
    }

    /** A copy whose parameters are replaced by {@code newParams}. */
    public OpDesc withParams(Map<String, ?> newParams) {
        return new OpDesc(
                name,
                conv,
                stride,
                affine,
                inLen,
                normaliseMap(newParams),
                children,
                childrenIns,
                trainables);
    }

    /** A copy with one parameter added or replaced. */
    public OpDesc withParam(String key, Object value) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.put(key, value);
        return new OpDesc(name, conv, stride, affine, inLen, p, children, childrenIns, trainables);
    }

    public OpDesc withChildren(List<OpDesc> newChildren, List<List<Integer>> newChildrenIns) {
        return new OpDesc(
                name, conv, stride, affine, inLen, params, newChildren, newChildrenIns, trainables);
    }

    public OpDesc withTrainables(Map<String, List<Double>> newTrainables) {
        return new OpDesc(
                name, conv, stride, affine, inLen, params, children, childrenIns, newTrainables);
    }

    /** An integer parameter, or {@code def} when absent. */
    public int intParam(String key, int def) {
        Object v = params.get(key);
        return v instanceof Number n ? n.intValue() : def;
    }

    /** A floating-point parameter, or {@code def} when absent. */
    public double doubleParam(String key, double def) {
        Object v = params.get(key);
        return v instanceof Number n ? n.doubleValue() : def;
    }

    /** A boolean parameter, or {@code def} when absent. */
    public boolean boolParam(String key, boolean def) {
        Object v = params.get(key);
        return v instanceof Boolean b ? b : def;
    }

    /** A string parameter, or {@code def} when absent. */
    public String stringParam(String key, String def) {
        Object v = params.get(key);
        return v == null ? def : v.toString();
    }

    /** A list-of-strings parameter, or an empty list when absent. */
    public List<String> stringListParam(String key) {
        Object v = params.get(key);
        if (v instanceof List<?> l) {
            return l.stream().map(Object::toString).toList();
        }
        return List.of();
    }

    private static Map<String, Object> normaliseMap(Map<String, ?> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : in.entrySet()) {
            out.put(Objects.requireNonNull(e.getKey()), normalise(e.getValue(), e.getKey()));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static Object normalise(Object v, String key) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(normalise(o, key));
            }
            return List.copyOf(out);
        }
        throw new IllegalArgumentException(
                "Op parameter '"
                        + key
                        + "' has value "
                        + v
                        + " of type "
                        + (v == null ? "null" : v.getClass().getSimpleName())
                        + "; valid types are string, boolean, number and lists of those.");
    }

    private static Map<String, List<Double>> copyTrainables(Map<String, List<Double>> in) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }
}
