package org.nas4j.trials;

import java.util.List;

/**
 * Runs trials, each as its own process, recording every start and outcome in the ledger. An engine
 * retries a trial whose process was killed or crashed (it resumes from its checkpoint) up to its
 * attempt limit, and never retries one that failed for a reason a retry cannot fix (a bad conf).
 */
public interface TrialEngine {
    /**
     * Runs {@code trials} (already filtered to those the ledger lacks) and returns their results in
     * the same order.
     */
    List<TrialResult> run(List<Trial> trials, Ledger ledger);

    /** A short name for reports ({@code local}, {@code spark}). */
    String name();
}
