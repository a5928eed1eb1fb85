package org.nas4j.algos.manual;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.ops.OpRegistry;
import org.nas4j.ops.net.ModelBlock;

/**
 * A measurement, not a test: the peak resident memory of one training step (forward and backward)
 * of a mixed-scale dense network of width 1 and depth {@code args[1]} on a batch of {@code args[2]}
 * 28x28 images, built either as the shipped {@code msd} model builds it ({@code args[0] = desc}:
 * {@code msd_layer}s that sum one convolution per earlier map, in groups of {@code args[3]},
 * default 10) or naively ({@code naive}: each layer convolves a fresh concatenation of every
 * earlier map, which autograd keeps). Run one process per point, since the peak (VmHWM) is per
 * process; a small fixed heap ({@code -Xmx128m}) keeps Java's heap growth out of the figure:
 *
 * <pre>
 * for d in 10 20 40 80; do java -Xmx128m -cp ... org.nas4j.algos.manual.MsdMemoryMain desc $d 256; done
 * </pre>
 */
public final class MsdMemoryMain {
    private MsdMemoryMain() {}

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        int depth = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        Engine.getInstance().setRandomSeed(1);
        long before = peakMb();
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = m.randomNormal(new Shape(batch, 1, 28, 28));
            if (mode.equals("desc")) {
                int group = args.length > 3 ? Integer.parseInt(args[3]) : 10;
                ModelDesc desc = ManualModelsTest.msd(depth, group);
                ModelBlock model = new ModelBlock(desc, OpRegistry.standard());
                model.initialize(m, DataType.FLOAT32, new Shape(1, 1, 28, 28));
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDList out = model.forward(new ParameterStore(m, false), new NDList(x), true);
                    gc.backward(out.head().sum());
                }
            } else {
                naive(m, x, depth);
            }
        }
        System.out.printf(
                "%s depth %d batch %d: peak RSS %d MB (%d MB before the step)%n",
                mode, depth, batch, peakMb(), before);
    }

    /** Each layer: ReLU(conv of the concatenation of the image and every earlier layer). */
    private static void naive(NDManager m, NDArray x, int depth) {
        List<NDArray> maps = new ArrayList<>(List.of(x));
        List<NDArray> weights = new ArrayList<>();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            for (int i = 0; i < depth; i++) {
                NDArray w = m.randomNormal(0, 0.1f, new Shape(1, i + 1, 3, 3), DataType.FLOAT32);
                w.setRequiresGradient(true);
                weights.add(w);
                int dil = 1 + i % 10;
                NDArray stack = NDArrays.concat(new NDList(maps), 1);
                Shape d = new Shape(dil, dil);
                maps.add(
                        Activation.relu(
                                Conv2d.conv2d(stack, w, null, new Shape(1, 1), d, d).head()));
            }
            gc.backward(NDArrays.concat(new NDList(maps), 1).sum());
        }
    }

    private static long peakMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
            }
        }
        return -1;
    }
}
