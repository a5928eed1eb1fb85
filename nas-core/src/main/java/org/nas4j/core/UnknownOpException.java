package org.nas4j.core;

import java.util.Collection;
import java.util.TreeSet;

/** An op name that no registry knows; the message lists the registered names. */
public class UnknownOpException extends NasException {
    private static final long serialVersionUID = 1L;

    public UnknownOpException(String name, Collection<String> known) {
        super(
                "Unknown op '"
                        + name
                        + "'. Registered ops are: "
                        + String.join(", ", new TreeSet<>(known))
                        + ".");
    }
}
