package org.nas4j.algos.didarts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trainer section of the didarts tests; the supernet, its network and its data are the DARTS
 * tests' {@link org.nas4j.algos.darts.TinySearch}.
 */
final class TinySupernet {
    private TinySupernet() {}

    /** A trainer section as in didarts.yaml, with {@code epochs} and a constant schedule. */
    static Map<String, Object> trainerMap(int epochs) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("epochs", epochs);
        t.put("batch_chunks", 1);
        t.put("grad_clip", 5.0);
        Map<String, Object> sgd =
                Map.of(
                        "type",
                        "sgd",
                        "lr",
                        0.025,
                        "momentum",
                        0.9,
                        "nesterov",
                        false,
                        "decay",
                        3e-4);
        t.put("optimizer", sgd);
        t.put("lr_schedule", Map.of("type", "cosine", "min_lr", 0.001));
        t.put("alpha_optimizer", sgd);
        return t;
    }
}
