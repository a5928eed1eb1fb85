package org.nas4j.ops.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
import org.nas4j.core.desc.ModelDesc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class StepScopeTest {
    private static final Logger LOG = LoggerFactory.getLogger(StepScopeTest.class);
    private static final int STEPS = 500;
    private static final int WARMUP = 50;

    @Test
    void memoryStaysFlatOverFiveHundredTrainingSteps() throws IOException {
        Engine.getInstance().setRandomSeed(3);
        // one normal and one reduction cell: both kinds of shared architecture weights
        ModelDesc desc = TestDescs.supernet(2, 4, Set.of(1), List.of(1, 8, 8), WeightedSumOp.NAME);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            ModelBlock model = new ModelBlock(desc, ModelBlockTest.registry());
            Shape shape = new Shape(2, 1, 8, 8);
            model.initialize(manager, DataType.FLOAT32, shape);
            List<Parameter> params = new ArrayList<>(model.weights());
            params.addAll(model.archParams().list());
            int arraysAtWarmup = 0;
            long rssAtWarmup = 0;
            float firstLoss = 0;
            float lastLoss = 0;
            long start = System.nanoTime();
            for (int i = 1; i <= STEPS; i++) {
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
                if (i == WARMUP) {
                    arraysAtWarmup = StepScope.liveArrays(manager);
                    rssAtWarmup = rssKb();
                }
            }
            int arraysAtEnd = StepScope.liveArrays(manager);
            long rssAtEnd = rssKb();
            LOG.info(
                    "step {} -> {}: model arrays {} -> {}, RSS {} MB -> {} MB, loss {} -> {},"
                            + " {} ms/step",
                    WARMUP,
                    STEPS,
                    arraysAtWarmup,
                    arraysAtEnd,
                    rssAtWarmup / 1024,
                    rssAtEnd / 1024,
                    firstLoss,
                    lastLoss,
                    (System.nanoTime() - start) / 1_000_000 / STEPS);
            assertEquals(arraysAtWarmup, arraysAtEnd);
            assertTrue(
                    rssAtEnd - rssAtWarmup < 100 * 1024,
                    "RSS grew from " + rssAtWarmup + " kB to " + rssAtEnd + " kB");
        }
    }

    @Test
    void checkedScopeSeesNoGrowthWhenResultsAreReattached() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray w = manager.ones(new Shape(3));
            int before = StepScope.liveArrays(manager);
            try (StepScope step = StepScope.openChecked(manager)) {
                step.own(w.mul(2));
                assertEquals(before + 1, StepScope.liveArrays(manager));
            }
            assertEquals(before, StepScope.liveArrays(manager));
            try (StepScope step = StepScope.open(manager)) {
                w.mul(2); // forgotten: lands in the model's manager
            }
            assertEquals(before + 1, StepScope.liveArrays(manager));
        }
    }

    /** Resident set size of this process in kB, from /proc/self/status. */
    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("/proc/self/status has no VmRSS line");
    }
}
