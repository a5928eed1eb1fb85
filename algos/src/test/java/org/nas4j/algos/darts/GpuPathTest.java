package org.nas4j.algos.darts;

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
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import ai.djl.util.cuda.CudaUtils;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.search.arch.ArchTrainer;
import org.nas4j.train.Devices;
import org.nas4j.train.StepInfo;
import org.nas4j.train.TrainListener;
import org.nas4j.train.Trainer;
import org.nas4j.train.TrainerSpec;
import org.nas4j.train.data.HostBatch;

/**
 * The GPU path: a DARTS supernet on the GPU computes what it computes on the CPU, and a bilevel
 * search there keeps its arrays and the GPU's memory flat. Tagged {@code gpu}: the build runs these
 * only with {@code -Dgpu}, and then a missing GPU is a failure, not a skip.
 */
@Tag("gpu")
class GpuPathTest {
    private static final Device GPU = Device.gpu(0);

    private static void requireGpu() {
        int gpus = Engine.getInstance().getGpuCount();
        assertTrue(
                gpus > 0,
                "the gpu tests need a GPU DJL can see (CUDA libtorch named by"
                        + " PYTORCH_LIBRARY_PATH); DJL sees none");
    }

    @Test
    void deviceAutoPicksTheGpu() {
        requireGpu();
        assertEquals(GPU, Devices.parse("auto"));
        assertEquals(GPU, Devices.parse("gpu:0"));
        assertEquals(Device.cpu(), Devices.parse("cpu"));
    }

    /**
     * The supernet's loss and every weight, BatchNorm and architecture-weight gradient on the GPU
     * equal the CPU's from the same weights and batch, within TF32 rounding: libtorch lets cuDNN
     * convolve in TF32 (10-bit mantissa) on Ampere and later GPUs unless told otherwise.
     */
    @Test
    void aSearchSupernetOnTheGpuComputesTheCpuLossAndGradients() {
        requireGpu();
        ModelDesc desc = TinySearch.desc(TinySearch.DARTS, 3, 1);
        HostBatch batch = new TinySearch.Stream(8, 8, 3).epoch(0).next();
        try (NDManager cpu = NDManager.newBaseManager(Device.cpu());
                NDManager gpu = NDManager.newBaseManager(GPU)) {
            ModelBlock a = TinySearch.model(desc, cpu, DataType.FLOAT32, 1);
            ModelBlock b = TinySearch.model(desc, gpu, DataType.FLOAT32, 2);
            copyWeights(a, b);
            for (Pair<String, Parameter> p : b.getParameters()) {
                assertEquals(GPU, p.getValue().getArray().getDevice(), p.getKey());
            }
            for (Parameter p : ArchTrainer.archParamsOf(b).list()) {
                assertEquals(GPU, p.getArray().getDevice(), p.getName());
            }
            List<float[]> want = lossAndGradients(a, cpu, batch);
            List<float[]> got = lossAndGradients(b, gpu, batch);
            assertEquals(want.size(), got.size());
            assertEquals(want.get(0)[0], got.get(0)[0], 2e-3 * Math.abs(want.get(0)[0]), "loss");
            for (int i = 1; i < want.size(); i++) {
                float scale = 1e-3f;
                for (float v : want.get(i)) {
                    scale = Math.max(scale, Math.abs(v));
                }
                float[] w = want.get(i);
                float[] g = got.get(i);
                for (int j = 0; j < w.length; j++) {
                    float tol = 2e-2f * scale;
                    int at = j;
                    int which = i;
                    assertTrue(
                            Math.abs(w[j] - g[j]) <= tol,
                            () ->
                                    "gradient "
                                            + which
                                            + "["
                                            + at
                                            + "]: cpu "
                                            + w[at]
                                            + ", gpu "
                                            + g[at]
                                            + " (tolerance "
                                            + tol
                                            + ")");
                }
            }
        }
    }

    /**
     * 300 second-order bilevel steps on the GPU (the most arrays a DARTS step makes: virtual step,
     * finite-difference Hessian product): the model's manager holds the same number of arrays after
     * each step, and the GPU's used memory (libtorch's cached blocks included) does not grow once
     * the allocator has its working set.
     */
    @Test
    void aSecondOrderSearchOnTheGpuKeepsArraysAndGpuMemoryFlat() {
        requireGpu();
        ModelDesc desc = TinySearch.desc(TinySearch.DARTS, 3, 1);
        TrainerSpec spec =
                TrainerSpec.fromConf(TinySearch.trainerConf(TinySearch.trainerMap("second", 1)));
        List<Integer> arrays = new ArrayList<>();
        long[] usedMb = new long[2];
        long[] nanos = new long[2];
        try (NDManager gpu = NDManager.newBaseManager(GPU)) {
            ModelBlock m = TinySearch.model(desc, gpu, DataType.FLOAT32, 1);
            TrainListener probe =
                    new TrainListener() {
                        @Override
                        public void onStep(Trainer t, StepInfo s) {
                            arrays.add(t.modelManagerArrays());
                            if (s.globalStep() == 50 || s.globalStep() == 300) {
                                int k = s.globalStep() == 50 ? 0 : 1;
                                usedMb[k] = CudaUtils.getGpuMemory(GPU).getUsed() >> 20;
                                nanos[k] = System.nanoTime();
                            }
                        }
                    };
            try (BilevelArchTrainer t =
                    BilevelArchTrainer.of(
                            m,
                            Trainer.builder(m, spec).optSeed(4).optDevice(GPU).addListener(probe),
                            BilevelArchTrainer.Order.SECOND)) {
                t.fit(new TinySearch.Stream(1200, 4, 21), new TinySearch.Stream(400, 4, 22));
            }
        }
        assertEquals(300, arrays.size());
        assertEquals(arrays.get(0), arrays.get(299), () -> "arrays per step: " + arrays);
        long grown = usedMb[1] - usedMb[0];
        System.out.printf(
                "gpu second-order tiny search: %.1f ms/step, GPU used %d -> %d MB (steps 50 ->"
                        + " 300)%n",
                (nanos[1] - nanos[0]) / 250 / 1e6, usedMb[0], usedMb[1]);
        assertTrue(grown < 64, () -> "GPU memory grew by " + grown + " MB over 250 steps");
    }

    /** Copies every parameter, BatchNorm statistic and architecture weight of a into b. */
    private static void copyWeights(ModelBlock a, ModelBlock b) {
        var pa = a.getParameters();
        var pb = b.getParameters();
        assertEquals(pa.size(), pb.size());
        for (int i = 0; i < pa.size(); i++) {
            assertEquals(pa.get(i).getKey(), pb.get(i).getKey());
            NDArray from = pa.get(i).getValue().getArray();
            pb.get(i).getValue().getArray().set(FloatBuffer.wrap(from.toFloatArray()));
        }
        List<Parameter> aa = ArchTrainer.archParamsOf(a).list();
        List<Parameter> ab = ArchTrainer.archParamsOf(b).list();
        assertEquals(aa.size(), ab.size());
        for (int i = 0; i < aa.size(); i++) {
            ab.get(i).getArray().set(FloatBuffer.wrap(aa.get(i).getArray().toFloatArray()));
        }
    }

    /** The loss on batch, then the gradient of every parameter and architecture weight. */
    private static List<float[]> lossAndGradients(
            ModelBlock model, NDManager manager, HostBatch batch) {
        List<float[]> out = new ArrayList<>();
        try (NDManager step = manager.newSubManager()) {
            NDArray x =
                    step.create(
                            batch.images(), new Shape(batch.n(), batch.c(), batch.h(), batch.w()));
            NDArray y = step.create(batch.labels()).toType(DataType.FLOAT32, false);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList logits = model.forward(new ParameterStore(step, false), new NDList(x), true);
                NDArray loss =
                        Loss.softmaxCrossEntropyLoss()
                                .evaluate(new NDList(y), new NDList(logits.head()));
                gc.backward(loss);
                out.add(new float[] {loss.getFloat()});
            }
            for (Pair<String, Parameter> p : model.getParameters()) {
                NDArray arr = p.getValue().getArray();
                if (arr.hasGradient()) {
                    out.add(arr.getGradient().toFloatArray());
                }
            }
            for (Parameter p : ArchTrainer.archParamsOf(model).list()) {
                out.add(p.getArray().getGradient().toFloatArray());
            }
        }
        return out;
    }
}
