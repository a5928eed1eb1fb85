package org.nas4j.algos.xnas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.nas4j.train.data.BatchStream;
import org.nas4j.train.data.HostBatch;

/** Synthetic 1x8x8 images of 4 classes (class k: bright quadrant k plus noise), for tests. */
final class XnasStream implements BatchStream {
    private final List<HostBatch> fixed = new ArrayList<>();
    private final long seed;

    private XnasStream(long seed) {
        this.seed = seed;
    }

    /** {@code n} images in batches of {@code batch}, drawn from {@code seed}. */
    static XnasStream of(int n, int batch, long seed) {
        Random r = new Random(seed);
        XnasStream s = new XnasStream(seed);
        for (int b = 0; b + batch <= n; b += batch) {
            float[] x = new float[batch * 64];
            int[] y = new int[batch];
            for (int i = 0; i < batch; i++) {
                y[i] = r.nextInt(4);
                for (int p = 0; p < 64; p++) {
                    int q = (p / 8 / 4) * 2 + (p % 8) / 4;
                    x[i * 64 + p] = (float) ((q == y[i] ? 1.0 : 0.0) + 0.5 * r.nextGaussian());
                }
            }
            s.fixed.add(new HostBatch(x, y, batch, 1, 8, 8));
        }
        return s;
    }

    @Override
    public Iterator<HostBatch> epoch(int epoch) {
        List<HostBatch> order = new ArrayList<>(fixed);
        Collections.shuffle(order, new Random(seed * 1000 + epoch));
        return order.iterator();
    }

    @Override
    public int batchesPerEpoch() {
        return fixed.size();
    }

    @Override
    public int size() {
        return fixed.size() * (fixed.isEmpty() ? 0 : fixed.get(0).n());
    }
}
