package org.nas4j.cli;

import picocli.CommandLine.Command;

/** {@code nas search}: the search phase only. */
@Command(
        name = "search",
        description = {"Search an architecture (no evaluation).", ""})
public final class SearchCommand extends RunCommand {
    @Override
    protected boolean doEval() {
        return false;
    }
}
