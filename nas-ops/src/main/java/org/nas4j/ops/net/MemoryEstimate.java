package org.nas4j.ops.net;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import java.util.List;
import java.util.Locale;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.ops.OpRegistry;

/**
 * What a training step of a network will take in memory, before the first step runs: the weights
 * with their gradients and optimizer state, and the activations autograd keeps for one batch.
 *
 * <p>Activations are the outputs of every leaf block (convolution, BatchNorm, activation, pooling,
 * ...) for one sample, times the samples of one forward pass ({@code batch / batch_chunks}), times
 * {@link #ACTIVATION_FACTOR}: the temporaries and saved inputs that leaf outputs do not show
 * (weighted sums of mixed edges, padding, BatchNorm statistics), fitted to peak RSS measured with
 * {@code nas bench} (see the constant, which lists them). libtorch's own footprint is {@link
 * #BASE_BYTES}. It is an estimate: it says whether a search can fit, not to the megabyte.
 *
 * @param weightBytes ordinary and architecture weights
 * @param stateBytes their gradients and optimizer state
 * @param activationBytes activations of one forward pass kept for its backward
 */
public record MemoryEstimate(long weightBytes, long stateBytes, long activationBytes) {
    /**
     * Activation bytes per leaf-output byte, fitted to the peak RSS {@code nas bench} measured
     * (CPU, 2 threads, tcmalloc) with ReLUs and pools of a state counted once per cell as they are
     * computed (see {@link CellBlock#sharedOutputElements}): DARTS search first order 8 cells, 16
     * channels, batch 64 (4,310 MB measured, estimate 4,645), the same with 3 cells (1,921 MB,
     * 2,200), pc_darts 3 cells batch 64 (1,295 MB, 1,082) and the DARTS_V2 eval network 8 cells, 16
     * channels, batch 96 (1,237 MB, 1,419): within -17 % to +15 %.
     */
    public static final double ACTIVATION_FACTOR = 0.9;

    /** libtorch, the JVM and the data: the intercept of peak RSS against batch size. */
    public static final long BASE_BYTES = 400L << 20;

    /**
     * The estimate for {@code model} (initialized) trained at {@code batch} samples in {@code
     * chunks} parts with an optimizer keeping {@code optimizerSlots} arrays per weight (SGD with
     * momentum 1, Adam 2).
     */
    public static MemoryEstimate of(Block model, int batch, int chunks, int optimizerSlots) {
        long weights = 0;
        for (Pair<String, Parameter> p : model.getParameters()) {
            Shape shape = p.getValue().getShape();
            if (shape != null) {
                weights += shape.size() * 4L;
            }
        }
        long perSample = activationElements(model) * 4L;
        long samples = (long) Math.ceil(batch / (double) Math.max(1, chunks));
        long activations = (long) (perSample * samples * ACTIVATION_FACTOR);
        return new MemoryEstimate(weights, weights * (1 + optimizerSlots), activations);
    }

    /**
     * The estimate for the network of {@code desc} (as {@link #of}) without allocating its weights:
     * the network is initialized with every parameter a zero-stride view of one zero (PyTorch's
     * {@code expand}), so every shape is real and no weight takes memory. A network far too large
     * for the machine can so be refused before its weights are allocated and touched, which the
     * kernel would answer by killing the process.
     */
    public static MemoryEstimate ofDesc(
            ModelDesc desc, OpRegistry registry, int batch, int chunks, int optimizerSlots) {
        List<Integer> in = desc.inputShape();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            ModelBlock model = new ModelBlock(desc, registry);
            model.setInitializer(SHAPE_ONLY, p -> true);
            model.initialize(
                    manager, DataType.FLOAT32, new Shape(1, in.get(0), in.get(1), in.get(2)));
            return of(model, batch, chunks, optimizerSlots);
        }
    }

    /** A parameter that is a zero-stride view of one zero: its shape without its memory. */
    private static final Initializer SHAPE_ONLY =
            (manager, shape, type) -> manager.zeros(new Shape(), type).broadcast(shape);

    /**
     * Elements of the leaf outputs alive at once for one sample: all of them, or for a network that
     * recomputes its first cells in the backward ({@link ModelBlock#setCheckpointCells}) the larger
     * of the recomputed part's and the rest's.
     */
    static long activationElements(Block model) {
        long all = leafOutputElements(model);
        if (!(model instanceof ModelBlock m) || m.checkpointCells() == 0) {
            return all;
        }
        long prefix = 0;
        for (Block b : m.recomputedBlocks()) {
            prefix += leafOutputElements(b);
        }
        return Math.max(prefix, all - prefix);
    }

    /** Elements of every leaf block's output for one sample (the model built for batch 1). */
    static long leafOutputElements(Block block) {
        if (block.getChildren().isEmpty()) {
            return outputElements(block);
        }
        long n = 0;
        for (var child : block.getChildren()) {
            n += leafOutputElements(child.getValue());
        }
        // a ReLU or pool of one state computed once for all the edges (or stems) that read it
        if (block instanceof CellBlock cell) {
            return n - cell.sharedOutputElements();
        }
        return block instanceof ModelBlock model ? n - model.sharedStemElements() : n;
    }

    /** Elements of {@code block}'s outputs for the input it was initialized with (0 if unknown). */
    static long outputElements(Block block) {
        Shape[] in = block.getInputShapes();
        if (in == null || in.length == 0) {
            return 0;
        }
        try {
            long n = 0;
            for (Shape s : block.getOutputShapes(in)) {
                n += s.size();
            }
            return n;
        } catch (RuntimeException e) { // a block that cannot say its shape adds nothing
            return 0;
        }
    }

    /** The peak this step is expected to reach. */
    public long peakBytes() {
        return BASE_BYTES + weightBytes + stateBytes + activationBytes;
    }

    /**
     * One line for the console, e.g. {@code memory estimate: 1.9 GB (weights 8 MB, gradients and
     * optimizer 16 MB, activations 1.2 GB at 64 samples per pass)}; when {@code availableBytes} (0:
     * unknown) is smaller, the line says so and what to change.
     */
    public String describe(int samplesPerPass, long availableBytes, String batchKey) {
        String line =
                String.format(
                        Locale.ROOT,
                        "memory estimate: %s peak (weights %s, gradients and optimizer %s,"
                                + " activations %s at %d samples per pass)",
                        human(peakBytes()),
                        human(weightBytes),
                        human(stateBytes),
                        human(activationBytes),
                        samplesPerPass);
        if (availableBytes > 0 && peakBytes() > availableBytes) {
            line +=
                    String.format(
                            Locale.ROOT,
                            "%n  more than the %s this machine has available: lower %s or raise"
                                    + " %s (gradient accumulation over smaller passes)",
                            human(availableBytes),
                            batchKey + ".batch",
                            batchKey.replace(".loader", ".trainer") + ".batch_chunks");
        }
        return line;
    }

    static String human(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%d MB", Math.max(0, bytes >> 20));
    }

    /** Memory available to a new process here: {@code MemAvailable} of /proc/meminfo, else 0. */
    public static long availableBytes() {
        return meminfo("MemAvailable:");
    }

    /** This machine's physical memory: {@code MemTotal} of /proc/meminfo, else 0 (unknown). */
    public static long totalBytes() {
        return meminfo("MemTotal:");
    }

    private static long meminfo(String field) {
        try {
            for (String line :
                    java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/meminfo"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024L;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // unknown
        }
        return 0;
    }
}
