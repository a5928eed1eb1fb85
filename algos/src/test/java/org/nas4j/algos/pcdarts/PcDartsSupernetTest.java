package org.nas4j.algos.pcdarts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nas4j.core.ConfException;
import org.nas4j.core.conf.Conf;
import org.nas4j.core.desc.EdgeDesc;
import org.nas4j.core.desc.ModelDesc;
import org.nas4j.ops.ArchWeights;
import org.nas4j.ops.OpRegistry;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.search.Algorithm;
import org.nas4j.search.Algorithms;

/** The whole supernet: built from the conf, trained one step, saved with its betas, finalized. */
class PcDartsSupernetTest {
    @Test
    void everyArchitectureWeightGetsAGradientAndTheSavedDescFinalizes() {
        OpRegistry registry = Algorithms.installed().opRegistry();
        ModelDesc desc = PcDartsFinalizersTest.supernet();
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            ModelBlock model = new ModelBlock(desc, registry);
            model.initialize(m, DataType.FLOAT32, new Shape(1, 1, 8, 8));
            // 2 + 3 edges: 5 alphas and 5 betas.
            assertEquals(10, model.archParams().list().size());
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray x = m.randomNormal(new Shape(4, 1, 8, 8));
                NDArray y = model.forward(new ParameterStore(m, false), new NDList(x), true).head();
                gc.backward(y.mul(m.randomNormal(y.getShape())).sum());
            }
            for (Map.Entry<String, Parameter> e : model.archParams().asMap().entrySet()) {
                float g = e.getValue().getArray().getGradient().abs().sum().getFloat();
                assertTrue(g > 0, "no gradient reaches " + e.getKey());
            }
            ModelDesc searched = ArchWeights.withTrainables(desc, model.archParams());
            for (EdgeDesc edge : searched.cells().get(0).nodes().get(1).edges()) {
                assertEquals(
                        java.util.Set.of("alphas", PcMixedOp.BETA),
                        edge.op().trainables().keySet());
            }
            ModelDesc fin = new PcDartsFinalizers(2, registry).finalizeModel(searched);
            assertEquals(2, fin.cells().get(0).nodes().get(1).edges().size());
        }
    }

    @Test
    void theAlgorithmReadsKFromTheConfAndRefusesChannelsItDoesNotDivide() {
        Algorithm pc = Algorithms.installed().get("pc_darts", "test");
        Conf conf = Conf.fromYaml("nas: {search: {pc_darts: {k: 3}}}", "test.yaml");
        assertTrue(Algorithms.installed().opRegistry().contains(PcMixedOp.NAME));
        ConfException e =
                assertThrows(
                        ConfException.class,
                        () ->
                                pc.searchDescBuilder(conf)
                                        .build(
                                                Conf.of(
                                                        PcDartsFinalizersTest.modelDescMap(),
                                                        "test"),
                                                "search",
                                                null));
        assertTrue(e.getMessage().contains("nas.search.pc_darts.k = 3"), e.getMessage());
    }
}
