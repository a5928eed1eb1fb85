package org.nas4j.core;

/** A saved or built model description is malformed, of an unknown format or version, or invalid. */
public class DescFormatException extends NasException {
    private static final long serialVersionUID = 1L;

    public DescFormatException(String message) {
        super(message);
    }

    public DescFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
