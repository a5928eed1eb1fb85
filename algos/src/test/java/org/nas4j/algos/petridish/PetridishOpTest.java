package org.nas4j.algos.petridish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nas4j.core.desc.ConvMacroParams;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.core.desc.OpDesc;
import org.nas4j.ops.ArchParams;
import org.nas4j.ops.OpContext;
import org.nas4j.ops.OpRegistry;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.search.Algorithms;

/** The candidate op's stop-gradients, alone and inside a grown network. */
class PetridishOpTest {
    private static final Shape IN = new Shape(2, 3, 6, 6);

    @Test
    void outputIsZeroWeightsLearnAndNoGradientReachesTheInputs() {
        OpRegistry reg = Algorithms.installed().opRegistry();
        ArchParams arch = new ArchParams();
        OpDesc d =
                OpDesc.of(PetridishOp.NAME, ConvMacroParams.of(3), 1, false)
                        .withInLen(2)
                        .withParam(CandidateEdgeReader.PRIMITIVES, TinyPetridish.PRIMS)
                        .withParam(CandidateEdgeReader.STRIDES, List.of(1, 1));
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            PetridishOp op = (PetridishOp) reg.create(d, new OpContext(reg, arch, "c.n0.e0"));
            op.initialize(m, DataType.FLOAT32, IN, IN);
            arch.initialize(m, DataType.FLOAT32);
            NDArray x0 = m.randomNormal(IN);
            NDArray x1 = m.randomNormal(IN);
            x0.setRequiresGradient(true);
            x1.setRequiresGradient(true);
            NDArray r = m.randomNormal(IN);
            NDArray c0 = m.randomNormal(IN);
            NDArray c1 = m.randomNormal(IN);
            NDArray y;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                y = op.forward(new ParameterStore(m, false), new NDList(x0, x1), true).head();
                // the inputs' gradients come from the c-terms only: the candidate adds nothing
                gc.backward(y.mul(r).sum().add(x0.mul(c0).sum()).add(x1.mul(c1).sum()));
            }
            assertEquals(IN, y.getShape());
            assertEquals(0f, y.abs().max().getFloat());
            assertArrayEquals(c0.toFloatArray(), x0.getGradient().toFloatArray());
            assertArrayEquals(c1.toFloatArray(), x1.getGradient().toFloatArray());
            float[] g = op.alphas().getArray().getGradient().toFloatArray();
            assertEquals(2 * TinyPetridish.PRIMS.size(), g.length);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) { // every primitive but none
                    assertTrue(g[i * 4 + j] != 0, "no gradient for input " + i + " op " + j);
                }
                assertEquals(0f, g[i * 4 + 3], "'none' is not computed");
            }
            float sepGrad = 0;
            for (var p : op.getParameters()) {
                if (p.getKey().contains("sep_conv") && p.getValue().requiresGradient()) {
                    sepGrad += p.getValue().getArray().getGradient().abs().sum().getFloat();
                }
            }
            assertTrue(sepGrad > 0, "the primitives' weights learn too");
        }
    }

    @Test
    void aGrownNetworkComputesTheSameWhateverItsCandidateWeights() {
        ModelDesc grown = TinyPetridish.grow(TinyPetridish.seed(1, 3, 1));
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(4, 1, 8, 8));
            NDArray r = m.randomNormal(new Shape(4, 4));
            // two networks with the same weights; the second's candidate weights are large
            Pass a = pass(TinyPetridish.model(grown, m, 3), m, x, r);
            ModelBlock big = TinyPetridish.model(grown, m, 3);
            for (Parameter p : big.archParams().list()) {
                p.getArray()
                        .set(
                                m.randomNormal(0, 5, p.getArray().getShape(), DataType.FLOAT32)
                                        .toFloatArray());
            }
            Pass b = pass(big, m, x, r);
            assertArrayEquals(a.out, b.out, "the candidate changed the forward pass");
            int compared = 0;
            for (Map.Entry<String, float[]> e : a.weightGrads.entrySet()) {
                if (e.getKey().contains("node0_edge0")) {
                    continue; // the candidate's own primitives: their gradients scale with alphas
                }
                assertArrayEquals(e.getValue(), b.weightGrads.get(e.getKey()), 1e-6f, e.getKey());
                compared++;
            }
            assertTrue(
                    compared > 10,
                    "only " + compared + " weights compared: " + a.weightGrads.keySet());
            for (float[] g : b.archGrads) {
                double sum = 0;
                for (float v : g) {
                    sum += Math.abs(v);
                }
                assertTrue(sum > 0, "no gradient reaches the candidate weights");
            }
        }
    }

    private record Pass(float[] out, Map<String, float[]> weightGrads, List<float[]> archGrads) {}

    private static Pass pass(ModelBlock model, NDManager m, NDArray x, NDArray r) {
        NDArray y;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            y = model.forward(new ParameterStore(m, false), new NDList(x), true).head();
            gc.backward(y.mul(r).sum());
        }
        Map<String, float[]> grads = new LinkedHashMap<>();
        for (var p : model.getParameters()) {
            if (p.getValue().requiresGradient()) {
                grads.put(p.getKey(), p.getValue().getArray().getGradient().toFloatArray());
            }
        }
        List<float[]> arch =
                model.archParams().list().stream()
                        .map(p -> p.getArray().getGradient().toFloatArray())
                        .toList();
        return new Pass(y.toFloatArray(), grads, arch);
    }
}
