package org.nas4j.core.genotype;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * Python's {@code range(start, stop)} as an immutable list of the integers {@code start .. stop-1},
 * printed back the way it was written.
 *
 * <p>Many DARTS-family repositories publish concat lists as {@code range(2, 6)}; keeping the form
 * lets a genotype read from such a file be printed back exactly. It equals any list of the same
 * integers, as {@code list(range(2, 6)) == [2, 3, 4, 5]} in Python.
 */
public final class PythonRange extends AbstractList<Integer> implements RandomAccess {
    private final int start;
    private final int stop;
    private final boolean startWritten;

    private PythonRange(int start, int stop, boolean startWritten) {
        this.start = start;
        this.stop = stop;
        this.startWritten = startWritten;
    }

    /** {@code range(start, stop)}: empty when {@code stop <= start}, as in Python. */
    public static PythonRange of(int start, int stop) {
        return new PythonRange(start, stop, true);
    }

    /** {@code range(stop)}: {@code 0 .. stop-1}. */
    public static PythonRange of(int stop) {
        return new PythonRange(0, stop, false);
    }

    @Override
    public Integer get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("Index " + index + " of " + this);
        }
        return start + index;
    }

    @Override
    public int size() {
        return Math.max(0, stop - start);
    }

    /** {@code range(2, 6)} or {@code range(6)}, as written. */
    @Override
    public String toString() {
        return startWritten ? "range(" + start + ", " + stop + ")" : "range(" + stop + ")";
    }
}
