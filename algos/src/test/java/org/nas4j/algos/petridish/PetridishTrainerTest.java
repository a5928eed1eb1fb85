package org.nas4j.algos.petridish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nas4j.algos.darts.TinySearch;
import org.nas4j.core.conf.Conf;
import org.nas4j.ops.net.ModelBlock;
import org.nas4j.train.EpochMetrics;
import org.nas4j.train.Losses;
import org.nas4j.train.TrainListener;
import org.nas4j.train.Trainer;
import org.nas4j.train.TrainerSpec;
import org.nas4j.train.optim.NamedParams;

class PetridishTrainerTest {
    private static TrainerSpec spec() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("epochs", 2);
        t.put("batch_chunks", 1);
        t.put("grad_clip", 5.0);
        t.put("optimizer", Map.of("type", "sgd", "lr", 0.05, "momentum", 0.9, "decay", 3e-4));
        t.put("lr_schedule", Map.of("type", "constant"));
        t.put(
                "alpha_optimizer",
                Map.of("type", "adam", "lr", 3e-3, "betas", List.of(0.5, 0.999), "decay", 0.0));
        t.put("arch_warmup_epochs", 0);
        return TrainerSpec.fromConf(
                Conf.of(Map.of("nas", Map.of("search", Map.of("trainer", t))), "test")
                        .child("nas.search.trainer"));
    }

    @Test
    void theLossAddsTheL1PenaltyTheCandidateWeightsLearnAndNothingLeaks() {
        try (NDManager m = NDManager.newBaseManager()) {
            ModelBlock model =
                    TinyPetridish.model(TinyPetridish.grow(TinyPetridish.seed(1, 3, 1)), m, 2);
            NamedParams arch = NamedParams.of(model.archParams().asMap());
            List<float[]> before =
                    arch.list().stream().map(p -> p.getArray().toFloatArray()).toList();
            List<Integer> arrays = new java.util.ArrayList<>();
            TrainListener count =
                    new TrainListener() {
                        @Override
                        public void onEpochEnd(Trainer t, EpochMetrics m) {
                            arrays.add(t.modelManagerArrays());
                        }
                    };
            try (Trainer t =
                    new PetridishTrainer(
                            Trainer.builder(model, spec()).optSeed(1).addListener(count),
                            arch,
                            0.01)) {
                NDArray x = m.randomNormal(new Shape(4, 1, 8, 8));
                NDArray y = m.create(new int[] {0, 1, 2, 3});
                NDList out = t.forward(m, x, false);
                double l1 = 0;
                for (Parameter p : arch.list()) {
                    for (float v : p.getArray().toFloatArray()) {
                        l1 += Math.abs(v);
                    }
                }
                double ce = Losses.crossEntropy(out.head(), y, 0).getFloat();
                assertEquals(ce + 0.01 * l1, t.loss(out, y).getFloat(), 1e-5);

                t.fit(new TinySearch.Stream(64, 16, 1), null);
            }
            // nothing computed from a parameter stays in the parameters' manager
            assertEquals(arrays.get(0), arrays.get(1), "arrays per epoch: " + arrays);
            for (int k = 0; k < before.size(); k++) {
                assertFalse(
                        Arrays.equals(before.get(k), arch.list().get(k).getArray().toFloatArray()),
                        "candidate weights " + k + " did not move");
            }
        }
    }
}
