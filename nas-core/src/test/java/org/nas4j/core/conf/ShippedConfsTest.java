package org.nas4j.core.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The confs shipped in nas-confs resolve to the protocol of the paper and the toy overlay. */
class ShippedConfsTest {
    private static Conf load(String path) {
        return Conf.load(List.of(path), List.of());
    }

    @Test
    void dartsToyShrinksTheNetworks() {
        Conf conf = load("confs/algos/darts_toy.yaml");
        assertEquals(3, conf.getInt("nas.search.model_desc.n_cells"));
        assertEquals(5, conf.getInt("nas.eval.model_desc.n_cells"));
        assertEquals(0.0, conf.getDouble("nas.eval.trainer.aux_weight"), "copy of the toy value");
        assertEquals("darts_toy", conf.getString("common.experiment_name"));
        assertEquals("fashion_mnist", conf.getString("nas.search.loader.dataset.name"));
        assertEquals("confs/algos/toy_common.yaml", conf.sourceOf("nas.search.model_desc.n_cells"));
    }

    @Test
    void dartsFullFollowsThePaper() {
        Conf conf = load("confs/algos/darts.yaml");
        Conf search = conf.child("nas.search");
        assertEquals(8, search.getInt("model_desc.n_cells"));
        assertEquals(20, conf.getInt("nas.eval.model_desc.n_cells"));
        assertEquals(64, search.getInt("loader.batch"));
        assertEquals(0.025, search.getDouble("trainer.optimizer.lr"));
        assertEquals(0.0003, search.getDouble("trainer.alpha_optimizer.lr"));
        assertEquals(List.of(0.5, 0.999), search.getDoubleList("trainer.alpha_optimizer.betas"));
        assertEquals(0.4, conf.getDouble("nas.eval.trainer.aux_weight"));
        assertEquals(28, search.getInt("model_desc.dataset.img_size"));
        assertEquals(8, search.getStringList("model_desc.primitives").size());
    }

    @Test
    void datasetConfMergesOverTheAlgorithmsDefault() {
        Conf conf =
                Conf.load(
                        List.of("confs/algos/darts_toy.yaml", "confs/datasets/cifar10.yaml"),
                        List.of());
        assertEquals(32, conf.getInt("nas.search.model_desc.dataset.img_size"));
        assertEquals(3, conf.getInt("nas.eval.loader.dataset.channels"));
        assertEquals(3, conf.getDoubleList("dataset.mean").size());
    }

    @Test
    void resolvedShippedConfRoundTripsThroughYaml() {
        Conf conf = load("confs/algos/darts_toy.yaml");
        String yaml = conf.toYaml();
        assertFalse(yaml.contains("_copy"), yaml);
        assertFalse(yaml.contains("__include__"), yaml);
        assertTrue(yaml.contains("momentum: 0.9"), yaml);
        assertEquals(conf.toMap(), Conf.fromYaml(yaml, "config_used.yaml").toMap());
    }
}
