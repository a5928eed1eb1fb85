package org.nas4j.core;

/**
 * A saved result record (result.json, test.json, summary.json) is malformed or of an unknown format
 * or version.
 */
public class ResultFormatException extends NasException {
    private static final long serialVersionUID = 1L;

    public ResultFormatException(String message) {
        super(message);
    }

    public ResultFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
