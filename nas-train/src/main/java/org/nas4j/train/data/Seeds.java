package org.nas4j.train.data;

/**
 * Derives independent random seeds from a run seed and coordinates (stream, epoch, batch), so every
 * random choice depends only on where it is made, never on thread timing.
 */
final class Seeds {
    /** Stream of the per-epoch sample order. */
    static final long ORDER = 0x4f52444552L;

    /** Stream of the per-batch augmentation choices. */
    static final long AUGMENT = 0x4155474dL;

    /** Stream of the stratified split. */
    static final long SPLIT = 0x53504c4954L;

    /** Stream of the synthetic dataset. */
    static final long SYNTHETIC = 0x53594e5448L;

    private Seeds() {}

    /** A well-mixed seed from {@code seed} and the given coordinates (SplitMix64 finaliser). */
    static long mix(long seed, long... parts) {
        long h = finalise(seed + 0x9E3779B97F4A7C15L);
        for (long part : parts) {
            h = finalise(h ^ finalise(part + 0x9E3779B97F4A7C15L));
        }
        return h;
    }

    private static long finalise(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
