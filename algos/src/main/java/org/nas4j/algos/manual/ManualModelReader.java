package org.nas4j.algos.manual;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;

/**
 * Reads a manual-model YAML file into a {@link ManualModel}. The form (the shipped {@code
 * confs/models/resnet18.yaml}, {@code resnet34.yaml} and {@code msd.yaml} are its examples):
 *
 * <pre>
 * model:
 *   name: my_resnet
 *   stem: {op: stem_conv3x3_relu, ch: 64}          # ch: default the image's channels
 *   stages:                                         # one cell each
 *     - blocks: [{op: resnet_basic_block, ch: 64, repeat: 2}]
 *     - blocks: [{op: resnet_basic_block, ch: 128, stride: 2, repeat: 2}]
 *   pool: pool_adaptive_avg2d                       # the default
 *   logits: linear                                  # the default
 * </pre>
 *
 * <p>A block entry: {@code op} (any registered op), {@code ch} (default: its input's channels),
 * {@code stride} (1 or 2, for the first repeat only), {@code repeat} (default 1), {@code inputs}
 * ({@code previous}, the default, or {@code all}: every earlier map of the stage, the stage input
 * included), {@code group} (with {@code inputs: all}, every {@code group} outputs of the entry are
 * concatenated once and later blocks read that concatenation instead of its members: the same
 * network with fewer, larger convolutions; default 1, none), {@code params} (op parameters) and
 * {@code cycle} ({@code {dilation: [1, 2, 3]}}: repeat {@code r} gets element {@code r mod 3}). A
 * stage: {@code blocks} and {@code output} ({@code last}, the default, or {@code all}: the stage
 * input and every block's output concatenated). Errors name the file and the path of the bad key,
 * e.g. {@code model.stages[1].blocks[0].stride}.
 */
final class ManualModelReader {
    private static final Set<String> MODEL_KEYS =
            Set.of("name", "stem", "stages", "pool", "logits");
    private static final Set<String> STEM_KEYS = Set.of("op", "ch", "stride");
    private static final Set<String> STAGE_KEYS = Set.of("blocks", "output");
    private static final Set<String> BLOCK_KEYS =
            Set.of("op", "ch", "stride", "repeat", "inputs", "group", "params", "cycle");

    private final String file;

    private ManualModelReader(String file) {
        this.file = file;
    }

    /**
     * Reads the model in {@code file}: a classpath resource such as {@code
     * confs/models/resnet18.yaml} or a path.
     *
     * @throws ConfException naming the file and key of anything missing or malformed
     */
    static ManualModel read(String file) {
        Conf root = Conf.load(List.of(file), List.of());
        if (!root.isSet("model")) {
            throw new ConfException(
                    file
                            + " has no 'model' section; a manual model file holds model: {name,"
                            + " stem, stages, pool, logits} (see confs/models/resnet18.yaml).");
        }
        root.checkKeys(Set.of("model"));
        return new ManualModelReader(file).model(root.child("model"));
    }

    private ManualModel model(Conf m) {
        m.checkKeys(MODEL_KEYS);
        Conf s = m.child("stem");
        s.checkKeys(STEM_KEYS);
        ManualModel.Stem stem =
                new ManualModel.Stem(
                        s.getString("op"),
                        s.isSet("ch") ? atLeast(s.getInt("ch"), 1, "model.stem.ch") : null,
                        stride(s.isSet("stride") ? s.getInt("stride") : 1, "model.stem.stride"));
        List<?> stages = list(m.get("stages"), "model.stages");
        List<ManualModel.Stage> out = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            out.add(stage(stages.get(i), "model.stages[" + i + "]"));
        }
        return new ManualModel(
                m.getString("name"),
                file,
                stem,
                out,
                m.getString("pool", "pool_adaptive_avg2d"),
                m.getString("logits", "linear"));
    }

    private ManualModel.Stage stage(Object raw, String path) {
        Map<String, Object> s = map(raw, path, STAGE_KEYS);
        List<?> blocks = list(s.get("blocks"), path + ".blocks");
        List<ManualModel.Block> out = new ArrayList<>();
        for (int j = 0; j < blocks.size(); j++) {
            out.add(block(blocks.get(j), path + ".blocks[" + j + "]"));
        }
        return new ManualModel.Stage(out, choice(s, "output", "last", "all", path));
    }

    private ManualModel.Block block(Object raw, String path) {
        Map<String, Object> b = map(raw, path, BLOCK_KEYS);
        if (!(b.get("op") instanceof String op) || op.isBlank()) {
            throw fail(path + ".op", b.get("op"), "an op name such as resnet_basic_block");
        }
        Integer ch =
                b.containsKey("ch")
                        ? atLeast(integer(b.get("ch"), path + ".ch"), 1, path + ".ch")
                        : null;
        int stride =
                b.containsKey("stride")
                        ? stride(integer(b.get("stride"), path + ".stride"), path + ".stride")
                        : 1;
        int repeat =
                b.containsKey("repeat")
                        ? atLeast(integer(b.get("repeat"), path + ".repeat"), 1, path + ".repeat")
                        : 1;
        boolean dense = choice(b, "inputs", "previous", "all", path);
        int group =
                b.containsKey("group")
                        ? atLeast(integer(b.get("group"), path + ".group"), 1, path + ".group")
                        : 1;
        Map<String, Object> params = new LinkedHashMap<>();
        if (b.containsKey("params")) {
            map(b.get("params"), path + ".params", null).forEach(params::put);
        }
        Map<String, List<Object>> cycle = new LinkedHashMap<>();
        if (b.containsKey("cycle")) {
            map(b.get("cycle"), path + ".cycle", null)
                    .forEach(
                            (k, v) -> {
                                List<?> values = list(v, path + ".cycle." + k);
                                cycle.put(k, new ArrayList<>(values));
                            });
        }
        return new ManualModel.Block(op, ch, stride, repeat, dense, group, params, cycle);
    }

    /** Whether the key holds {@code yes} (false for {@code no} or a missing key). */
    private boolean choice(Map<String, Object> m, String key, String no, String yes, String path) {
        Object v = m.getOrDefault(key, no);
        if (!no.equals(v) && !yes.equals(v)) {
            throw fail(path + "." + key, v, "'" + no + "' or '" + yes + "'");
        }
        return yes.equals(v);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object raw, String path, Set<String> known) {
        if (!(raw instanceof Map<?, ?> m)) {
            throw fail(path, raw, "a mapping of keys");
        }
        if (known != null) {
            for (Object k : m.keySet()) {
                if (!known.contains(String.valueOf(k))) {
                    throw new ConfException(
                            file
                                    + ": unknown key "
                                    + path
                                    + "."
                                    + k
                                    + "; valid keys are "
                                    + new java.util.TreeSet<>(known)
                                    + ".");
                }
            }
        }
        return (Map<String, Object>) m;
    }

    private List<?> list(Object raw, String path) {
        if (!(raw instanceof List<?> l) || l.isEmpty()) {
            throw fail(path, raw, "a non-empty list");
        }
        return l;
    }

    private int integer(Object v, String path) {
        if (v instanceof Integer || v instanceof Long) {
            long n = ((Number) v).longValue();
            if (n == (int) n) {
                return (int) n;
            }
        }
        throw fail(path, v, "an integer");
    }

    private int atLeast(int v, int min, String path) {
        if (v < min) {
            throw fail(path, v, "an integer >= " + min);
        }
        return v;
    }

    private int stride(int v, String path) {
        if (v != 1 && v != 2) {
            throw fail(path, v, "1 or 2");
        }
        return v;
    }

    private ConfException fail(String path, Object value, String expected) {
        return new ConfException(
                file
                        + ": "
                        + path
                        + (value == null ? " is missing" : " = " + value)
                        + "; expected "
                        + expected
                        + ".");
    }
}
