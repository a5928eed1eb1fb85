package org.nas4j.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nas4j.train.data.BatchStream;
import org.nas4j.train.data.HostBatch;

/** Synthetic 4-class 1x8x8 images and small DJL nets for trainer tests. */
final class TinyData {
    static final int CLASSES = 4;

    private TinyData() {}

    /** A split whose class k has a bright quadrant k plus noise; order depends on (seed, epoch). */
    static final class Stream implements BatchStream {
        private final float[][] images;
        private final int[] labels;
        private final int batch;
        private final long seed;
        private final int nanFromEpoch;

        Stream(int n, int batch, long dataSeed, long orderSeed, int nanFromEpoch) {
            Random r = new Random(dataSeed);
            images = new float[n][64];
            labels = new int[n];
            for (int i = 0; i < n; i++) {
                int k = r.nextInt(CLASSES);
                labels[i] = k;
                for (int p = 0; p < 64; p++) {
                    int y = p / 8;
                    int x = p % 8;
                    int q = (y / 4) * 2 + x / 4;
                    images[i][p] = (float) ((q == k ? 1.0 : 0.0) + 0.5 * r.nextGaussian());
                }
            }
            this.batch = batch;
            this.seed = orderSeed;
            this.nanFromEpoch = nanFromEpoch;
        }

        Stream(int n, int batch, long dataSeed) {
            this(n, batch, dataSeed, 7, Integer.MAX_VALUE);
        }

        @Override
        public Iterator<HostBatch> epoch(int epoch) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(seed * 1000 + epoch));
            List<HostBatch> out = new ArrayList<>();
            for (int s = 0; s + batch <= order.size(); s += batch) {
                float[] x = new float[batch * 64];
                int[] y = new int[batch];
                for (int j = 0; j < batch; j++) {
                    System.arraycopy(images[order.get(s + j)], 0, x, j * 64, 64);
                    y[j] = labels[order.get(s + j)];
                }
                if (epoch >= nanFromEpoch) {
                    x[0] = Float.NaN;
                }
                out.add(new HostBatch(x, y, batch, 1, 8, 8));
            }
            return out.iterator();
        }

        @Override
        public int batchesPerEpoch() {
            return labels.length / batch;
        }

        @Override
        public int size() {
            return labels.length;
        }
    }

    /**
     * Conv-BN-ReLU-dropout, 4x4 average pool (the quadrants), linear, initialised in {@code
     * manager}.
     */
    static Block convNet(NDManager manager, boolean batchNorm, boolean dropout) {
        SequentialBlock b = new SequentialBlock();
        b.add(
                Conv2d.builder()
                        .setKernelShape(new Shape(3, 3))
                        .optPadding(new Shape(1, 1))
                        .setFilters(6)
                        .build());
        if (batchNorm) {
            b.add(BatchNorm.builder().build());
        }
        b.add(Activation.reluBlock());
        if (dropout) {
            b.add(Dropout.builder().optRate(0.2f).build());
        }
        b.add(Pool.avgPool2dBlock(new Shape(4, 4)));
        b.add(Blocks.batchFlattenBlock());
        b.add(Linear.builder().setUnits(CLASSES).build());
        b.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 8, 8));
        return b;
    }

    /** A trainer conf map as in darts.yaml. */
    static Map<String, Object> trainerMap(int epochs, int chunks, double lr, double momentum) {
        return Map.of(
                "epochs",
                epochs,
                "batch_chunks",
                chunks,
                "grad_clip",
                5.0,
                "label_smoothing",
                0.0,
                "aux_weight",
                0.0,
                "drop_path_prob",
                0.0,
                "optimizer",
                Map.of(
                        "type",
                        "sgd",
                        "lr",
                        lr,
                        "momentum",
                        momentum,
                        "nesterov",
                        false,
                        "decay",
                        0.0003),
                "lr_schedule",
                Map.of("type", "cosine", "min_lr", 0.001, "warmup_epochs", 0));
    }
}
