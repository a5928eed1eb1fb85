package org.nas4j.cli;

import picocli.CommandLine.Command;

/**
 * {@code nas eval}: train and test a final architecture (saved, given as a file, or a genotype).
 */
@Command(
        name = "eval",
        description = {
            "Train and test a final architecture: --final-desc FILE, --genotype NAME,"
                    + " or the experiment's saved search result.",
            ""
        })
public final class EvalCommand extends RunCommand {
    @Override
    protected boolean doSearch() {
        return false;
    }
}
