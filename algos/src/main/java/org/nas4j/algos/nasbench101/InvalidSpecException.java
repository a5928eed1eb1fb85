package org.nas4j.algos.nasbench101;

import org.nas4j.core.NasException;

/**
 * A NAS-Bench-101 spec that is malformed or outside the space: a matrix that is not square, upper
 * triangular and 0/1, ops that do not match it, an input not joined to the output, too many
 * vertices or edges, or an op the space does not have.
 */
public class InvalidSpecException extends NasException {
    private static final long serialVersionUID = 1L;

    public InvalidSpecException(String message) {
        super(message);
    }
}
