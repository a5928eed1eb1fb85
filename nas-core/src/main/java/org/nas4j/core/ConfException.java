package org.nas4j.core;

/**
 * A configuration file, key or command-line override is missing, malformed or of the wrong type.
 */
public class ConfException extends NasException {
    private static final long serialVersionUID = 1L;

    public ConfException(String message) {
        super(message);
    }

    public ConfException(String message, Throwable cause) {
        super(message, cause);
    }
}
