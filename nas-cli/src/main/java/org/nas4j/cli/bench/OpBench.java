package org.nas4j.cli.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.OpContext;
import org.nas4j.ops.OpRegistry;
import org.nas4j.ops.net.StepScope;

/**
 * Forward and forward+backward time of each op a DARTS network is made of, alone, at one shape
 * ({@code nas bench --phase ops}): the table that says where a training step's time goes. The same
 * ops and shapes are timed in PyTorch by {@code bench/ops_pytorch.py}; {@code bench/ops_compare.sh}
 * runs both and prints the ratios.
 */
public final class OpBench {
    /** The ops timed, as (name, stride): the DARTS primitives, the cell stems. */
    public static final List<Map.Entry<String, Integer>> OPS =
            List.of(
                    Map.entry("sep_conv_3x3", 1),
                    Map.entry("sep_conv_5x5", 1),
                    Map.entry("dil_conv_3x3", 1),
                    Map.entry("dil_conv_5x5", 1),
                    Map.entry("max_pool_3x3", 1),
                    Map.entry("avg_pool_3x3", 1),
                    Map.entry("skip_connect", 1),
                    Map.entry("none", 1),
                    Map.entry("sep_conv_3x3", 2),
                    Map.entry("dil_conv_3x3", 2),
                    Map.entry("max_pool_3x3", 2),
                    Map.entry("avg_pool_3x3", 2),
                    Map.entry("skip_connect", 2),
                    Map.entry("prepr_normal", 1));

    private final OpRegistry registry;
    private final int batch;
    private final int channels;
    private final int size;

    public OpBench(OpRegistry registry, int batch, int channels, int size) {
        this.registry = registry;
        this.batch = batch;
        this.channels = channels;
        this.size = size;
    }

    /** One row per op: name, stride, median forward and forward+backward milliseconds. */
    public List<Map<String, Object>> run(int warmup, int steps) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, Integer> op : OPS) {
            rows.add(time(op.getKey(), op.getValue(), warmup, steps));
        }
        return rows;
    }

    private Map<String, Object> time(String name, int stride, int warmup, int steps) {
        OpDesc desc = OpDesc.of(name, ConvMacroParams.of(channels), stride, true);
        Shape shape = new Shape(batch, channels, size, size);
        double[] fwd = new double[steps];
        double[] both = new double[steps];
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Block block = registry.create(desc, OpContext.standalone(registry));
            block.initialize(manager, DataType.FLOAT32, shape);
            List<Parameter> params = new ArrayList<>();
            block.getParameters().forEach(p -> params.add(p.getValue()));
            for (int i = 0; i < warmup + steps; i++) {
                try (StepScope step = StepScope.open(manager)) {
                    NDArray x = step.manager().randomNormal(shape);
                    x.setRequiresGradient(true);
                    ParameterStore ps = new ParameterStore(step.manager(), false);
                    long t0 = System.nanoTime();
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray y = block.forward(ps, new NDList(x), true).head();
                        NDArray loss = y.sum();
                        loss.toFloatArray(); // wait for the forward
                        long t1 = System.nanoTime();
                        if (!name.equals("none")) { // 'none' makes zeros: nothing to go back
                            gc.backward(loss);
                            x.getGradient().toFloatArray(); // wait for the backward
                        }
                        long t2 = System.nanoTime();
                        if (i >= warmup) {
                            fwd[i - warmup] = (t1 - t0) / 1e6;
                            both[i - warmup] = (t2 - t0) / 1e6;
                        }
                    }
                    step.zeroGradients(params);
                }
            }
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("op", name);
        row.put("stride", stride);
        row.put("shape", List.of(batch, channels, size, size));
        row.put("fwd_ms", median(fwd));
        row.put("fwd_bwd_ms", median(both));
        return row;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return Math.round(s[s.length / 2] * 1000) / 1000.0;
    }
}
