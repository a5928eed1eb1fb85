package org.nas4j.ops.net;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import org.nas4j.core.ConfException;

/**
 * The memory layout of the images a {@link ModelBlock} computes on ({@code common.memory_format}).
 *
 * <p>libtorch picks a convolution's layout from its input: an input in channels-last order (the
 * {@code [N, C, H, W]} shape stored as {@code N, H, W, C}) makes oneDNN's convolution compute in
 * that order and return channels-last outputs, which BatchNorm, ReLU, pooling, additions and
 * concatenation keep; so turning the network's input channels-last turns every activation of the
 * step. The weights keep their own layout, so checkpoints and the optimizer are unaffected, and
 * values differ from the contiguous layout's only by float rounding (other summation orders).
 *
 * <p>Measured on a 2-core AVX-512 CPU with libtorch 2.7.1 (2 threads, {@code nas bench}): with 16
 * or more channels per node channels-last made the DARTS search step 1.4-1.9x and the evaluation
 * step 1.2-1.4x faster (8 cells of 16 channels, 20 cells of 36); with 4 or 6 it made the search
 * step 1.3-2.6x slower (oneDNN's channels-last kernels vectorise over channels), with 8 or 12 it
 * was within noise, as it was for NAS-Bench-101's plain 3x3 and 1x1 convolutions at 128 channels
 * (484-499 against 503 ms a step). {@link #AUTO} follows that: channels-last on a CPU for networks
 * whose narrowest cell has at least {@value #AUTO_MIN_CHANNELS} node channels. GPUs were not
 * measured with it, so {@link #AUTO} keeps libtorch's default there.
 */
public enum MemoryFormat {
    /**
     * Channels-last on a CPU for networks of at least {@value #AUTO_MIN_CHANNELS} node channels,
     * contiguous otherwise.
     */
    AUTO("auto"),
    /** Images channels-last ({@code N, H, W, C} in memory), on any device. */
    CHANNELS_LAST("channels_last"),
    /** libtorch's default {@code N, C, H, W} order. */
    CONTIGUOUS("contiguous");

    /** The conf key that chooses the layout. */
    public static final String KEY = "common.memory_format";

    /** The narrowest node channels for which {@link #AUTO} chooses channels-last on a CPU. */
    public static final int AUTO_MIN_CHANNELS = 16;

    private final String confName;

    MemoryFormat(String confName) {
        this.confName = confName;
    }

    /** The name in confs: {@code auto}, {@code channels_last} or {@code contiguous}. */
    public String confName() {
        return confName;
    }

    /**
     * The format a conf names ({@code null} or blank: {@link #AUTO}).
     *
     * @throws ConfException naming {@link #KEY}, the value and the valid values
     */
    public static MemoryFormat of(String value) {
        return of(value, KEY);
    }

    /**
     * As {@link #of(String)}, the error naming the key as {@code where} gives it (e.g. with its
     * file and line).
     */
    public static MemoryFormat of(String value, String where) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (MemoryFormat f : values()) {
            if (f.confName.equals(v)) {
                return f;
            }
        }
        throw new ConfException(
                where
                        + " = '"
                        + value
                        + "' is not a memory format; valid values are auto, channels_last,"
                        + " contiguous.");
    }

    /**
     * The layout used on {@code device} for a network whose narrowest cell has {@code
     * narrowestChannels} node channels: {@link #AUTO} resolved, the others as they are.
     */
    public MemoryFormat on(Device device, int narrowestChannels) {
        if (this != AUTO) {
            return this;
        }
        return !device.isGpu() && narrowestChannels >= AUTO_MIN_CHANNELS
                ? CHANNELS_LAST
                : CONTIGUOUS;
    }

    /**
     * {@code x} in this layout ({@link #AUTO} resolved for {@code x}'s device and {@code
     * narrowestChannels}): the same array when nothing changes (contiguous, not 4-D), otherwise a
     * new array owned by {@code x}'s manager (a view of {@code x} when it is already channels-last
     * or has one channel). The intermediate handles are closed; the values are {@code x}'s.
     */
    public NDArray apply(NDArray x, int narrowestChannels) {
        Shape s = x.getShape();
        if (on(x.getDevice(), narrowestChannels) != CHANNELS_LAST || s.dimension() != 4) {
            return x;
        }
        NDArray nhwc = x.transpose(0, 2, 3, 1);
        // flatten copies unless the view is already dense in this order (a channels-last input,
        // or one channel: then the result is a view of x and nothing is copied)
        NDArray flat = nhwc.flatten();
        NDArray packed = flat.reshape(s.get(0), s.get(2), s.get(3), s.get(1));
        NDArray out = packed.transpose(0, 3, 1, 2);
        nhwc.close();
        flat.close();
        packed.close();
        return out;
    }
}
