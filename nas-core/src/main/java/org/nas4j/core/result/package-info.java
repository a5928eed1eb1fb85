/**
 * The typed result records of an experiment: {@link org.nas4j.core.result.SearchResult} and {@link
 * org.nas4j.core.result.EvalResult} (each phase's {@code result.json}), {@link
 * org.nas4j.core.result.TestResult} ({@code eval/test.json}) and {@link
 * org.nas4j.core.result.ExperimentSummary} ({@code summary.json}). Each is saved as a versioned
 * snake_case JSON document by {@link org.nas4j.core.result.ResultJson}.
 */
package org.nas4j.core.result;
