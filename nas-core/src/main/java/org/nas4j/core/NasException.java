package org.nas4j.core;

/**
 * Root of every error nas4j raises on purpose.
 *
 * <p>Messages are full sentences naming the bad value, where it came from (file, key path, JSON
 * path) and what would be valid, so that the command line can print them as they are.
 */
public class NasException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NasException(String message) {
        super(message);
    }

    public NasException(String message, Throwable cause) {
        super(message, cause);
    }
}
