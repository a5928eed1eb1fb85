package org.nas4j.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.nas4j.core.conf.Conf;

/**
 * What makes a phase's conf the same for resuming it: the keys that shape the phase, less those
 * that may change between an interrupted run and its continuation, and a hash of their values.
 * Checkpoints and each finished phase's result record the hash; a resume compares it with the hash
 * of its own conf and refuses a different one (listing the keys that differ from the phase's {@code
 * config_used.yaml}).
 */
public final class ConfFingerprint {
    /**
     * Keys that may differ on resume, in one place: how many epochs a phase runs (more, to extend a
     * finished run), how often it checkpoints and logs, libtorch threads and loader workers (speed
     * only: batches are the same), where the experiment lives (logdir, experiment name: a run may
     * be moved or continued under --exp-dir), the resume switch itself, the device (a run may move
     * to another machine), the activations' memory layout (float rounding only) and the cells an
     * evaluation recomputes in the backward (memory against time: the same gradients).
     */
    public static final Set<String> VOLATILE =
            Set.of(
                    "common.num_threads",
                    "common.log_interval",
                    "common.logdir",
                    "common.experiment_name",
                    "common.resume",
                    "common.device",
                    "common.memory_format",
                    "nas.search.trainer.epochs",
                    "nas.eval.trainer.epochs",
                    "nas.search.trainer." + CheckpointListener.EVERY_STEPS_KEY,
                    "nas.eval.trainer." + CheckpointListener.EVERY_STEPS_KEY,
                    "nas.eval.trainer." + TrainerSpec.CHECKPOINT_CELLS_KEY,
                    "nas.search.loader.workers",
                    "nas.eval.loader.workers");

    private ConfFingerprint() {}

    /**
     * Whether {@code key} (a dotted leaf key of the resolved conf) shapes {@code phase} ({@code
     * search} or {@code eval}): not volatile, not the other phase's section, not the trial budget
     * of {@code --trials} (it does not change a phase).
     */
    public static boolean relevant(String key, String phase) {
        String other = phase.equals("search") ? "nas.eval." : "nas.search.";
        return !VOLATILE.contains(key) && !key.startsWith(other) && !key.startsWith("nas.trials.");
    }

    /** {@link #relevant} for one phase, as a predicate. */
    public static Predicate<String> relevantTo(String phase) {
        return k -> relevant(k, phase);
    }

    /**
     * The SHA-256 (hex) of the keys of {@code conf} relevant to {@code phase} and their values;
     * numbers count by value ({@code 1} and {@code 1.0} are the same), as when two confs are
     * compared key by key.
     */
    public static String of(Conf conf, String phase) {
        TreeMap<String, Object> leaves = new TreeMap<>();
        flatten(conf.toMap(), "", leaves);
        StringBuilder sb = new StringBuilder();
        leaves.forEach(
                (k, v) -> {
                    if (relevant(k, phase)) {
                        sb.append(k).append('=').append(canonical(v)).append('\n');
                    }
                });
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Java lacks SHA-256", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(Map<String, Object> m, String prefix, Map<String, Object> out) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getKey().startsWith("_")) {
                continue; // __include__, _copy: how the conf was written, not what it says
            }
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> child && !child.isEmpty()) {
                flatten((Map<String, Object>) child, key, out);
            } else {
                out.put(key, e.getValue());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static String canonical(Object v) {
        if (v == null) {
            return "~";
        }
        if (v instanceof Number n) {
            return "n:" + n.doubleValue();
        }
        if (v instanceof String s) {
            return "s:" + s.length() + ":" + s;
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(o -> parts.add(canonical(o)));
            return "[" + String.join(",", parts) + "]";
        }
        if (v instanceof Map<?, ?> m) {
            TreeMap<String, String> sorted = new TreeMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> sorted.put(k, canonical(x)));
            return "{" + sorted + "}";
        }
        return v.getClass().getSimpleName() + ":" + v;
    }
}
