package org.nas4j.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Iterator;
import org.nas4j.train.data.BatchStream;
import org.nas4j.train.data.HostBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a block on a batch stream without gradients and in inference mode ({@code
 * training=false}), so BatchNorm running statistics and dropout are left alone.
 */
public final class Tester {
    private static final Logger LOG = LoggerFactory.getLogger(Tester.class);

    private final Block block;
    private final Device device;
    private final double labelSmoothing;

    /**
     * @param block an initialised block whose first output is {@code [n, classes]} logits
     * @param device where the block's parameters live
     * @param labelSmoothing label smoothing of the reported loss
     */
    public Tester(Block block, Device device, double labelSmoothing) {
        this.block = block;
        this.device = device;
        this.labelSmoothing = labelSmoothing;
    }

    /** Loss and accuracy over epoch {@code epoch} of {@code stream}. */
    public SplitMetrics test(BatchStream stream, int epoch) {
        Devices.gradModeOffOnThisThread();
        SplitMetrics.Meter meter = new SplitMetrics.Meter();
        Iterator<HostBatch> it = stream.epoch(epoch);
        long nanRows = 0;
        try (NDManager root = NDManager.newBaseManager(device)) {
            while (it.hasNext()) {
                HostBatch b = it.next();
                try (NDManager m = root.newSubManager()) {
                    NDArray x = m.create(b.images(), new Shape(b.n(), b.c(), b.h(), b.w()));
                    NDArray y = m.create(b.labels());
                    NDList out = block.forward(new ParameterStore(m, false), new NDList(x), false);
                    NDArray logits = out.get(0);
                    double loss = Losses.crossEntropy(logits, y, labelSmoothing).getFloat();
                    int k = (int) logits.getShape().get(1);
                    long[] c = Losses.topKCorrect(logits.toFloatArray(), b.labels(), b.n(), k);
                    meter.add(loss, b.n(), c[0], c[1]);
                    nanRows += c[2];
                }
            }
        } finally {
            Trainer.closeIfCloseable(it);
        }
        SplitMetrics result = meter.result();
        if (nanRows > 0) {
            LOG.warn(
                    "{} of {} samples had NaN logits; they count as wrong (the network has"
                            + " diverged).",
                    nanRows,
                    result.count());
        }
        return result;
    }
}
