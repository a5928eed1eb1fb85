package org.nas4j.ops.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nas4j.ops.ChildJvm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class StepScopeTest {
    private static final Logger LOG = LoggerFactory.getLogger(StepScopeTest.class);

    @Test
    void memoryStaysFlatOverFiveHundredTrainingSteps() throws Exception {
        ChildJvm.Result r =
                ChildJvm.run(
                        MemoryFlatMain.class,
                        List.of(
                                "-Xms256m",
                                "-Xmx256m",
                                "-XX:+AlwaysPreTouch",
                                "-Dai.djl.offline=true",
                                "-Dai.djl.pytorch.num_threads=1",
                                "-Dai.djl.pytorch.num_interop_threads=1"),
                        List.of("500", "50"),
                        600);
        assertEquals(0, r.exitCode(), r.output());
        long arraysAtWarmup = value(r.output(), "warmup_arrays");
        long arraysAtEnd = value(r.output(), "end_arrays");
        long rssAtWarmup = value(r.output(), "warmup_rss_kb");
        long rssAtEnd = value(r.output(), "end_rss_kb");
        LOG.info(
                "step 50 -> 500: model arrays {} -> {}, RSS {} MB -> {} MB, {} ms/step",
                arraysAtWarmup,
                arraysAtEnd,
                rssAtWarmup / 1024,
                rssAtEnd / 1024,
                value(r.output(), "ms_per_step"));
        assertEquals(arraysAtWarmup, arraysAtEnd, r.output());
        assertTrue(rssAtEnd - rssAtWarmup < 100 * 1024, r.output());
    }

    private static long value(String output, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + "=(\\d+)$").matcher(output);
        if (!m.find()) {
            throw new AssertionError("no " + key + " in the child's output:\n" + output);
        }
        return Long.parseLong(m.group(1));
    }

    @Test
    void zeroGradientsClearsAccumulatedGradientsWithoutLeavingHandles() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Parameter p =
                    Parameter.builder()
                            .setName("w")
                            .setType(Parameter.Type.WEIGHT)
                            .optShape(new Shape(3))
                            .optInitializer(ai.djl.training.initializer.Initializer.ONES)
                            .build();
            p.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32);
            int before = StepScope.liveArrays(manager);
            for (int i = 0; i < 2; i++) {
                try (StepScope step = StepScope.open(manager);
                        ai.djl.training.GradientCollector gc =
                                ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                    // data first, so that the product lands in the step's manager
                    gc.backward(step.manager().create(2f).mul(p.getArray()).sum());
                }
            }
            try (StepScope step = StepScope.open(manager)) {
                assertEquals(4f, step.grad(p).getFloat(0)); // accumulated over two passes
                step.zeroGradients(List.of(p));
                assertEquals(0f, step.grad(p).abs().sum().getFloat());
            }
            assertEquals(before, StepScope.liveArrays(manager));
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
}
