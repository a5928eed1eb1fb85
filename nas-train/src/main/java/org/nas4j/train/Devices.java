package org.nas4j.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import org.nas4j.core.ConfException;

/**
 * Reads the {@code common.device} setting: {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}.
 */
public final class Devices {
    private Devices() {}

    /**
     * Turns libtorch's grad mode off on the calling thread. Grad mode is per thread and on by
     * default; DJL turns it off only on the thread that loads the engine (and a gradient collector
     * on the thread that closes it), so training or testing on any other thread (a pool, an
     * application's worker) recorded graphs outside the collector and failed at the optimizer's
     * in-place update of a parameter. Trainers and testers call this before they start. Engines
     * other than PyTorch have no such state.
     */
    public static void gradModeOffOnThisThread() {
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        }
    }

    /** The device named by {@code spec}; {@code auto} is the first GPU DJL sees, else the CPU. */
    public static Device parse(String spec) {
        String s = spec == null ? "auto" : spec.trim().toLowerCase(Locale.ROOT);
        int gpus = Engine.getInstance().getGpuCount();
        if (s.equals("auto")) {
            return gpus > 0 ? Device.gpu(0) : Device.cpu();
        }
        if (s.equals("cpu")) {
            return Device.cpu();
        }
        if (s.equals("gpu") || s.startsWith("gpu:")) {
            int id = s.equals("gpu") ? 0 : parseId(s);
            if (id >= gpus) {
                throw new ConfException(
                        "common.device = '"
                                + spec
                                + "' but DJL sees "
                                + gpus
                                + " GPU(s); use 'auto' or 'cpu'"
                                + (gpus > 0 ? " or gpu:0..gpu:" + (gpus - 1) : "")
                                + ".");
            }
            return Device.gpu(id);
        }
        throw new ConfException(
                "common.device = '"
                        + spec
                        + "' is not a device; valid values are auto, cpu, gpu, gpu:N.");
    }

    /**
     * One plain line saying which device {@code spec} selects and why, e.g. {@code cpu (no GPU
     * found)} or {@code gpu:0 (1 GPU found)}.
     */
    public static String describe(String spec) {
        Device d = parse(spec);
        int gpus = Engine.getInstance().getGpuCount();
        String found =
                gpus == 0 ? "no GPU found" : gpus + (gpus == 1 ? " GPU found" : " GPUs found");
        String name = d.isGpu() ? "gpu:" + d.getDeviceId() : "cpu";
        if (!d.isGpu() && gpus > 0) {
            found += ", common.device = " + spec;
        }
        return name + " (" + found + ")";
    }

    private static int parseId(String s) {
        try {
            return Integer.parseInt(s.substring(4));
        } catch (NumberFormatException e) {
            throw new ConfException(
                    "common.device = '"
                            + s
                            + "': the GPU number after 'gpu:' must be"
                            + " an integer.");
        }
    }

    /** The system property DJL's PyTorch engine reads its intra-op thread count from. */
    public static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

    /**
     * Sets libtorch's intra-op threads from {@code common.num_threads} (0 keeps DJL's default)
     * unless the user set the property on the command line. Takes effect only before the engine
     * starts, so call it before anything touches {@code Engine.getInstance()}.
     */
    public static void applyThreads(int numThreads) {
        if (numThreads < 0) {
            throw new ConfException(
                    "common.num_threads = "
                            + numThreads
                            + " is negative; use 0 for DJL's default or the number of threads.");
        }
        if (numThreads > 0 && System.getProperty(THREADS_PROPERTY) == null) {
            System.setProperty(THREADS_PROPERTY, String.valueOf(numThreads));
        }
    }
}
