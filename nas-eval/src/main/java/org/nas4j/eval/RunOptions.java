package org.nas4j.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.nas4j.core.desc.ModelDesc;

/**
 * How to run an experiment.
 *
 * @param expDir experiment directory ({@code search/} and {@code eval/} go inside)
 * @param search whether to run the search phase
 * @param eval whether to run the evaluation phase
 * @param resume continue from checkpoints and skip finished phases
 * @param finalDesc architecture to evaluate instead of the search's result (may be null)
 * @param args the command line, for provenance
 * @param confPaths the conf files loaded, for provenance
 * @param mode toy, quick, full or another preset name, for the summary
 * @param console where progress goes
 */
public record RunOptions(
        Path expDir,
        boolean search,
        boolean eval,
        boolean resume,
        ModelDesc finalDesc,
        List<String> args,
        List<String> confPaths,
        String mode,
        PrintStream console) {}
