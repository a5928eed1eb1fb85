package org.nas4j.cli.e2e;

import org.nas4j.search.Algorithm;

/**
 * An algorithm that ships no confs, for {@link AlgorithmRegistrationErrorsTest}. It is registered
 * only through a services file that the test writes into a temporary class path directory, never in
 * this module's resources (it would break every command of every other test).
 */
public final class ConflessAlgorithm implements Algorithm {
    @Override
    public String name() {
        return "confless";
    }

    @Override
    public String description() {
        return "registered without its confs";
    }

    @Override
    public String paper() {
        return "none";
    }
}
