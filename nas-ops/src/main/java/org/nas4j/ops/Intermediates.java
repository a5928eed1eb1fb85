package org.nas4j.ops;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Closing the handles of a forward pass's intermediate arrays as soon as they are consumed, as
 * PyTorch frees a temporary when its last reference goes: libtorch keeps every tensor the backward
 * reads alive by its own reference, so only memory nothing needs is freed. An op may return one of
 * its inputs (identity, skip_connect), so an array is closed only when it is none of the arrays
 * still in use, compared by identity.
 */
public final class Intermediates {
    private Intermediates() {}

    /** Whether {@code a} is (the same object as) one of {@code arrays}. */
    public static boolean among(NDArray a, List<NDArray> arrays) {
        for (NDArray b : arrays) {
            if (a == b) {
                return true;
            }
        }
        return false;
    }

    /** Removes one occurrence of {@code a} from {@code arrays}, by identity (none if absent). */
    public static void removeOne(List<NDArray> arrays, NDArray a) {
        for (int i = 0; i < arrays.size(); i++) {
            if (arrays.get(i) == a) {
                arrays.remove(i);
                return;
            }
        }
    }

    /** Closes each of {@code arrays} that is none of {@code inUse}. */
    public static void closeAllBut(List<NDArray> arrays, List<NDArray> inUse) {
        for (NDArray a : arrays) {
            if (!among(a, inUse)) {
                a.close();
            }
        }
    }
}
