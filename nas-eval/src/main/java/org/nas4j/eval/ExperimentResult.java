package org.nas4j.eval;

import java.nio.file.Path;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.result.ExperimentSummary;

/**
 * What an experiment produced: the final architecture, the summary written to {@code summary.json},
 * and where the files are.
 *
 * @param expDir the experiment directory
 * @param finalDesc the architecture that was searched or given (null if neither phase ran)
 * @param summary the content of {@code summary.json}
 */
public record ExperimentResult(Path expDir, ModelDesc finalDesc, ExperimentSummary summary) {}
