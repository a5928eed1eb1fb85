package org.nas4j.ops.net;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nas4j.core.desc.ModelDesc;

/**
 * Started in a fresh JVM by {@link StepScopeTest}: trains a small supernet (mixed edges) for {@code
 * args[0]} steps with one {@link StepScope} per step and a plain in-place SGD update, and prints
 * the model manager's array count and the process RSS at step {@code args[1]} and at the end.
 *
 * <p>A fresh JVM with a fixed, pre-touched heap keeps the Java heap out of the RSS figure: in a
 * shared test JVM whose heap earlier tests have grown, young-generation garbage touching new heap
 * pages raised RSS by hundreds of MB while native memory stayed flat.
 */
public final class MemoryFlatMain {
    private MemoryFlatMain() {}

    public static void main(String[] args) throws IOException {
        int steps = Integer.parseInt(args[0]);
        int warmup = Integer.parseInt(args[1]);
        Engine.getInstance().setRandomSeed(3);
        // one normal and one reduction cell: both kinds of shared architecture weights
        ModelDesc desc = TestDescs.supernet(2, 4, Set.of(1), List.of(1, 8, 8), WeightedSumOp.NAME);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            ModelBlock model = new ModelBlock(desc, ModelBlockTest.registry());
            Shape shape = new Shape(2, 1, 8, 8);
            model.initialize(manager, DataType.FLOAT32, shape);
            List<Parameter> params = new ArrayList<>(model.weights());
            params.addAll(model.archParams().list());
            float firstLoss = 0;
            float lastLoss = 0;
            long start = System.nanoTime();
            for (int i = 1; i <= steps; i++) {
                try (StepScope step = StepScope.open(manager)) {
                    NDArray x = step.manager().randomNormal(shape);
                    ParameterStore ps = new ParameterStore(step.manager(), false);
                    NDArray loss;
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        loss = model.forward(ps, new NDList(x), true).head().square().mean();
                        gc.backward(loss);
                    }
                    // plain SGD in place (grad mode is off outside the collector), then zero
                    for (Parameter p : params) {
                        NDArray g = step.grad(p);
                        p.getArray().subi(g.mul(0.01f));
                        g.subi(g);
                    }
                    lastLoss = loss.getFloat();
                    firstLoss = i == 1 ? lastLoss : firstLoss;
                }
                if (i == warmup || i == steps) {
                    String at = i == warmup ? "warmup" : "end";
                    // The child's stdout is the test's channel from this process.
                    System.out.println(at + "_arrays=" + StepScope.liveArrays(manager));
                    System.out.println(at + "_rss_kb=" + rssKb());
                }
            }
            System.out.println("ms_per_step=" + (System.nanoTime() - start) / 1_000_000 / steps);
            System.out.println("loss=" + firstLoss + "->" + lastLoss);
        }
    }

    /** Resident set size of this process in kB, from /proc/self/status. */
    static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("/proc/self/status has no VmRSS line");
    }
}
