package org.nas4j.trials;

import java.io.Serializable;
import java.util.Map;

/**
 * What became of a trial.
 *
 * @param id the trial's id
 * @param status {@link #OK}, {@link #FAILED} (a permanent failure such as a bad conf: not retried)
 *     or {@link #CRASHED} (killed or crashed after its last allowed attempt)
 * @param attempts how many times its process was started
 * @param exitCode the last process's exit code
 * @param wallSeconds time of the last attempt
 * @param message the error line of a failed trial, empty when it succeeded
 * @param summary the trial's {@code summary.json} (empty when it has none)
 */
public record TrialResult(
        String id,
        String status,
        int attempts,
        int exitCode,
        double wallSeconds,
        String message,
        Map<String, Object> summary)
        implements Serializable {
    /** Finished with exit code 0. */
    public static final String OK = "ok";

    /** Failed in a way a retry cannot fix (bad conf, bad input: exit codes 1 and 2). */
    public static final String FAILED = "failed";

    /** Killed or crashed every time it was tried. */
    public static final String CRASHED = "crashed";

    public boolean ok() {
        return OK.equals(status);
    }

    /** Test top-1 of the trial's evaluation, or NaN when it has none. */
    public double testTop1() {
        Object eval = summary == null ? null : summary.get("eval");
        if (eval instanceof Map<?, ?> m && m.get("test_top1") instanceof Number n) {
            return n.doubleValue();
        }
        return Double.NaN;
    }
}
